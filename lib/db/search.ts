import "server-only";
import { env } from "@/lib/env";
import { snippetAround } from "@/lib/export/snippet";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "./client";

export const MAX_RESULTS = 50;
export const MAX_QUERY_CHARS = 200;
/** Shorter queries match titles only: the trigram indexes need three characters. */
export const MIN_TEXT_QUERY_CHARS = 3;
/**
 * On PostgreSQL, how many of the user's newest messages are read for matches (about 10 ms) before
 * all of them are searched through the trigram index.
 */
export const RECENT_MESSAGES = 10_000;

export interface SearchHit {
  conversationId: string;
  title: string;
  /** The matching message; null when the title matched. */
  messageId: string | null;
  snippet: string;
  /** When the message was written (for a title hit: the conversation's last activity), ISO 8601. */
  at: string;
}

interface Row {
  conversationId: string;
  title: string;
  messageId: string | null;
  body: string;
  at: Date | string | number;
}

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function titleRows(userId: string, query: string): Promise<Row[]> {
  const pattern = likePattern(query);
  return env().databaseKind === "postgres"
    ? db.$queryRaw<Row[]>`
        SELECT "id" AS "conversationId", "title", NULL AS "messageId", "title" AS "body", "updatedAt" AS "at"
        FROM "Conversation" WHERE "userId" = ${userId} AND "title" ILIKE ${pattern} ESCAPE '\\'
        ORDER BY "updatedAt" DESC LIMIT ${MAX_RESULTS}`
    : db.$queryRaw<Row[]>`
        SELECT "id" AS "conversationId", "title", NULL AS "messageId", "title" AS "body", "updatedAt" AS "at"
        FROM "Conversation" WHERE "userId" = ${userId} AND "title" LIKE ${pattern} ESCAPE '\\'
        ORDER BY "updatedAt" DESC LIMIT ${MAX_RESULTS}`;
}

// "searchLower" is the lowercased plain text of a finished message (empty while a reply streams) and
// "userId" the owner of its conversation, both kept by PostgreSQL (see the search migrations). LIKE
// with a lowercased pattern matches exactly as ILIKE, which lowercases both sides for every row read.
function postgresMatches(userId: string, pattern: Prisma.Sql, messages: Prisma.Sql): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT m."conversationId", c."title", m."id" AS "messageId", message_plain_text(m."content") AS "body",
      m."createdAt" AS "at"
    FROM (${messages}) m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE c."userId" = ${userId} AND m."searchLower" LIKE ${pattern} ESCAPE '\\'
    ORDER BY m."createdAt" DESC LIMIT ${MAX_RESULTS}`;
}

// A common word matches thousands of messages, which the trigram index yields in no useful order:
// reading the user's messages newest first finds the newest 50 far sooner. Only when the newest
// RECENT_MESSAGES hold fewer are all the matches fetched through the trigram index and sorted.
async function postgresMessageRows(userId: string, query: string): Promise<Row[]> {
  const pattern = Prisma.sql`lower(${likePattern(query)})`;
  const recent = await postgresMatches(
    userId,
    pattern,
    Prisma.sql`SELECT * FROM "Message" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT ${RECENT_MESSAGES}`,
  );
  if (recent.length === MAX_RESULTS) return recent;
  // OFFSET 0 plans this subquery for all its rows: without it, the planner may again walk the user's
  // messages newest first, hoping for 50 matches that the first query has just shown to be far down.
  return postgresMatches(
    userId,
    pattern,
    Prisma.sql`SELECT * FROM "Message" WHERE "userId" = ${userId} AND "searchLower" LIKE ${pattern} ESCAPE '\\' OFFSET 0`,
  );
}

function messageRows(userId: string, query: string): Promise<Row[]> {
  if (env().databaseKind === "postgres") return postgresMessageRows(userId, query);
  // An FTS5 phrase: the query verbatim, its double quotes doubled. The index's rowid grows with each
  // message indexed, so descending rowid is newest first without sorting every match.
  const phrase = `"${query.replace(/"/g, '""')}"`;
  return db.$queryRaw<Row[]>`
    SELECT m."conversationId", c."title", m."id" AS "messageId", t."body", m."createdAt" AS "at"
    FROM "MessageSearch" s
    JOIN "MessageText" t ON t."id" = s.rowid
    JOIN "Message" m ON m."id" = t."messageId"
    JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE "MessageSearch" MATCH ${phrase} AND c."userId" = ${userId}
    ORDER BY s.rowid DESC LIMIT ${MAX_RESULTS}`;
}

const time = (value: Row["at"]) => new Date(value).getTime();

/** The user's conversations whose title or message text contains `query`, newest first. */
export async function searchConversations(userId: string, rawQuery: string): Promise<SearchHit[]> {
  const query = rawQuery.trim().slice(0, MAX_QUERY_CHARS);
  if (query.length === 0) return [];
  const [titles, messages] = await Promise.all([
    titleRows(userId, query),
    [...query].length >= MIN_TEXT_QUERY_CHARS ? messageRows(userId, query) : Promise.resolve([]),
  ]);
  // Messages first, then titles, so that at equal times the more precise hit (a message) comes first.
  return [...messages, ...titles]
    .sort((a, b) => time(b.at) - time(a.at))
    .slice(0, MAX_RESULTS)
    .map((row) => ({
      conversationId: row.conversationId,
      title: row.title,
      messageId: row.messageId,
      snippet: snippetAround(row.body, query),
      at: new Date(row.at).toISOString(),
    }));
}
