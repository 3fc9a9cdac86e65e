import "server-only";
import { env } from "@/lib/env";
import { snippetAround } from "@/lib/export/snippet";
import { db } from "./client";

export const MAX_RESULTS = 50;
export const MAX_QUERY_CHARS = 200;
/** Shorter queries match titles only: the trigram indexes need three characters. */
export const MIN_TEXT_QUERY_CHARS = 3;

export interface SearchHit {
  conversationId: string;
  title: string;
  /** The matching message; null when the title matched. */
  messageId: string | null;
  snippet: string;
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

function messageRows(userId: string, query: string): Promise<Row[]> {
  if (env().databaseKind === "postgres") {
    // "searchText" is a generated column (see the search migration), empty while a reply streams.
    return db.$queryRaw<Row[]>`
      SELECT m."conversationId", c."title", m."id" AS "messageId", m."searchText" AS "body", m."createdAt" AS "at"
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
      WHERE c."userId" = ${userId} AND m."searchText" ILIKE ${likePattern(query)} ESCAPE '\\'
      ORDER BY m."createdAt" DESC LIMIT ${MAX_RESULTS}`;
  }
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
  return [...titles, ...messages]
    .sort((a, b) => time(b.at) - time(a.at))
    .slice(0, MAX_RESULTS)
    .map((row) => ({
      conversationId: row.conversationId,
      title: row.title,
      messageId: row.messageId,
      snippet: snippetAround(row.body, query),
    }));
}
