import "server-only";
import { type ContentBlock, parseContent } from "@/lib/chat/content";
import type { FinishedReply } from "@/lib/chat/runner";

export type { FinishedReply };

import { MessageTree } from "@/lib/chat/tree";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { generationOwner } from "@/lib/scale/instance";
import { db } from "./client";
import { newId } from "./ids";

export const messageFields = {
  id: true,
  parentId: true,
  role: true,
  content: true,
  status: true,
  model: true,
  stopReason: true,
  errorType: true,
  errorMessage: true,
  errorParams: true,
  requestId: true,
  inputTokens: true,
  outputTokens: true,
  cacheReadTokens: true,
  cacheWriteTokens: true,
  thinkingTokens: true,
  webSearchRequests: true,
  webFetchRequests: true,
  costUsd: true,
  createdAt: true,
} as const;

export type MessageRow = Awaited<ReturnType<typeof rowsInOrder>>[number];

/** The active branch shown at a time: the newest page, then older pages on request. */
export const PATH_PAGE_SIZE = 50;
/** Older pages are smaller: each is laid out while the user scrolls, so it must cost less than a frame budget. */
export const OLDER_PAGE_SIZE = 25;

/** The shape of the conversation's tree (no contents) and its active leaf; null when not the user's. */
async function loadTree(conversationId: string, userId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, userId },
    select: {
      activeLeafId: true,
      messages: {
        select: { id: true, parentId: true, status: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!conversation) return null;
  return {
    tree: new MessageTree(conversation.messages),
    activeLeafId: conversation.activeLeafId,
    /** A reply is being generated somewhere in the conversation, on any branch. */
    generating: conversation.messages.some((message) => message.status === "streaming"),
  };
}

/** Full rows for `ids`, in that order. */
async function rowsInOrder(ids: string[], userId: string) {
  const rows = await db.message.findMany({
    where: { id: { in: ids }, conversation: { userId } },
    select: messageFields,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type PathMessage = MessageRow & { siblingIds: string[] };

export interface PathPage {
  messages: PathMessage[];
  /** Pass as `before` to load the page above; null at the start of the conversation. */
  olderCursor: string | null;
}

type Tree = MessageTree<{ id: string; parentId: string | null; status: string }>;

/** Messages `start` to `end` of `path`, with their versions. */
async function pageOf(tree: Tree, path: { id: string }[], start: number, end: number, userId: string) {
  const rows = await rowsInOrder(
    path.slice(start, end).map((node) => node.id),
    userId,
  );
  return {
    messages: rows.map((row) => ({ ...row, siblingIds: tree.siblingIds(row.id) })),
    olderCursor: start > 0 ? path[start]!.id : null,
  };
}

/**
 * A page of the active branch, oldest first: the newest messages, or those just above `before`.
 * Null when the conversation is not the user's or `before` is not in it.
 */
export async function activePathPage(
  conversationId: string,
  userId: string,
  before: string | null = null,
  limit = before === null ? PATH_PAGE_SIZE : OLDER_PAGE_SIZE,
): Promise<PathPage | null> {
  const loaded = await loadTree(conversationId, userId);
  if (!loaded) return null;
  if (before === null) {
    const path = loaded.tree.path(loaded.activeLeafId);
    return pageOf(loaded.tree, path, Math.max(0, path.length - limit), path.length, userId);
  }
  // What lies above a message does not depend on the branch shown below it.
  const chain = loaded.tree.chainTo(before);
  if (chain.length === 0) return null;
  const end = chain.length - 1;
  return pageOf(loaded.tree, chain, Math.max(0, end - limit), end, userId);
}

/** Messages shown above a message opened from search, for context. */
const CONTEXT_ABOVE = 4;

/**
 * The branch through `messageId` (a search hit) from a little above it to the newest message; that
 * branch becomes the active one if it was not. Null when the message is not in the user's conversation.
 */
export async function pathPageThrough(
  conversationId: string,
  userId: string,
  messageId: string,
): Promise<PathPage | null> {
  const loaded = await loadTree(conversationId, userId);
  if (!loaded?.tree.has(messageId)) return null;
  let path = loaded.tree.path(loaded.activeLeafId);
  if (!path.some((node) => node.id === messageId)) {
    const leafId = loaded.tree.newestLeafUnder(messageId);
    await saveActiveLeaf(conversationId, userId, leafId);
    path = loaded.tree.path(leafId);
  }
  const index = path.findIndex((node) => node.id === messageId);
  const start = Math.max(0, Math.min(index - CONTEXT_ABOVE, path.length - PATH_PAGE_SIZE));
  return pageOf(loaded.tree, path, start, path.length, userId);
}

/** Keeps the conversation's place in the list: switching branches is not new activity. */
function saveActiveLeaf(conversationId: string, userId: string, leafId: string) {
  return db.$executeRaw`UPDATE "Conversation" SET "activeLeafId" = ${leafId} WHERE "id" = ${conversationId} AND "userId" = ${userId}`;
}

/**
 * Makes the branch through `messageId` the active one (following the newest replies below it).
 * False when the message is not in the user's conversation.
 */
export async function selectBranch(conversationId: string, userId: string, messageId: string) {
  const loaded = await loadTree(conversationId, userId);
  if (!loaded?.tree.has(messageId)) return false;
  await saveActiveLeaf(conversationId, userId, loaded.tree.newestLeafUnder(messageId));
  return true;
}

export function findOwnedMessage(id: string, userId: string) {
  return db.message.findFirst({ where: { id, conversation: { userId } }, select: messageFields });
}

/** A message of the user's with its conversation's id and system prompt (what a new turn from it needs). */
export function findOwnedMessageWithConversation(id: string, userId: string) {
  return db.message.findFirst({
    where: { id, conversation: { userId } },
    select: { ...messageFields, conversationId: true, conversation: { select: { systemPrompt: true } } },
  });
}

/** A new reply to an existing user turn (retry, regenerate), made the conversation's active leaf. */
export async function createAssistantPlaceholder(input: {
  userId: string;
  conversationId: string;
  parentId: string;
  model: string;
  /** The Thinking control's choice, remembered by the conversation. */
  thinking?: string | null;
  /** The Tools menu's choices (JSON), remembered by the conversation. */
  tools?: string | null;
  /** The Citations switch, remembered by the conversation. */
  citations?: boolean;
  id?: string;
}) {
  const { userId, conversationId, parentId, model, thinking = null, tools = null, id = newId() } = input;
  const citations = input.citations ?? false;
  await db.$transaction([
    db.message.create({
      data: {
        id,
        conversationId,
        parentId,
        role: "assistant",
        content: "[]",
        status: "streaming",
        model,
        ...generationOwner(),
      },
    }),
    db.conversation.updateMany({
      where: { id: conversationId, userId },
      data: { model, thinking, tools, citations, activeLeafId: id },
    }),
  ]);
  return { id };
}

export interface ReplyProgress {
  id: string;
  /** The content as JSON, taken when the save was asked for. */
  content: string;
  seq: number;
}

const PROGRESS_ROWS_PER_STATEMENT = 200;

/**
 * Saves the progress of many replies in one statement per 200. Raw SQL on purpose: it runs every
 * second for every streaming reply, and a Prisma query would be compiled anew each time.
 */
export async function saveRepliesProgress(rows: ReplyProgress[]): Promise<number> {
  let saved = 0;
  for (let start = 0; start < rows.length; start += PROGRESS_ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + PROGRESS_ROWS_PER_STATEMENT);
    const contents = Prisma.join(
      batch.map((row) => Prisma.sql`WHEN ${row.id} THEN ${row.content}`),
      " ",
    );
    const seqs = Prisma.join(
      batch.map((row) => Prisma.sql`WHEN ${row.id} THEN CAST(${row.seq} AS INTEGER)`),
      " ",
    );
    const ids = Prisma.join(batch.map((row) => row.id));
    saved +=
      await db.$executeRaw`UPDATE "Message" SET "content" = CASE "id" ${contents} END, "progressSeq" = CASE "id" ${seqs} END WHERE "id" IN (${ids}) AND "status" = 'streaming'`;
  }
  return saved;
}

/** What a follower on another instance starts from: the saved progress of a reply, any owner's. */
export async function replyProgress(id: string) {
  const row = await db.message.findUnique({
    where: { id },
    select: { status: true, content: true, progressSeq: true },
  });
  return row && { status: row.status, content: parseContent(row.content), progressSeq: row.progressSeq };
}

/** The status of each of these replies that exists (followers elsewhere check theirs in one query). */
export async function replyStatuses(ids: string[]): Promise<Map<string, string>> {
  const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** The running replies of this instance are alive (one statement for all of them). */
export function beatReplies(instanceId: string) {
  return db.message.updateMany({
    where: { instanceId, status: "streaming" },
    data: { heartbeatAt: new Date() },
  });
}

/** Saves a reply's end; rejects when the reply is gone (its conversation was deleted meanwhile). */
export async function finishReply(id: string, reply: FinishedReply) {
  const { usage, error } = reply;
  // Raw SQL: every reply ends here, and Prisma's update costs ~1 ms to build (and read the row back)
  // where this takes ~0.3 ms (bench:throughput).
  const updated = await db.$executeRaw`
    UPDATE "Message" SET "status" = ${reply.status}, "content" = ${JSON.stringify(reply.content)},
      "stopReason" = ${reply.stopReason}, "model" = ${reply.model}, "inputTokens" = ${usage.inputTokens},
      "outputTokens" = ${usage.outputTokens}, "cacheReadTokens" = ${usage.cacheReadTokens},
      "cacheWriteTokens" = ${usage.cacheWriteTokens}, "thinkingTokens" = ${usage.thinkingTokens ?? 0},
      "webSearchRequests" = ${usage.webSearchRequests ?? 0}, "webFetchRequests" = ${usage.webFetchRequests ?? 0},
      "costUsd" = ${reply.costUsd}, "requestId" = ${reply.requestId}, "errorType" = ${error?.type ?? null},
      "errorMessage" = ${error?.message ?? null},
      "errorParams" = ${error?.params ? JSON.stringify(error.params) : null}, "updatedAt" = ${new Date()}
    WHERE "id" = ${id}`;
  if (updated === 0) throw new Error(`reply ${id} not found`);
}

/** Usage of every finished reply in the user's conversation, on every branch (all were paid for). */
export async function conversationReplyUsage(conversationId: string, userId: string) {
  const rows = await db.message.findMany({
    where: { conversationId, conversation: { userId }, role: "assistant", status: { not: "streaming" } },
    select: {
      model: true,
      costUsd: true,
      inputTokens: true,
      outputTokens: true,
      cacheReadTokens: true,
      cacheWriteTokens: true,
      webSearchRequests: true,
    },
  });
  return rows.map(({ model, costUsd, ...usage }) => ({ model, costUsd, usage }));
}

/** A reply whose generation broke down (its final save failed): no longer "streaming", so it blocks nothing. */
export function markReplyFailed(id: string) {
  return db.message.updateMany({
    where: { id, status: "streaming" },
    data: { status: "error", errorType: "unknown", errorMessage: "The reply could not be saved." },
  });
}

/**
 * Replies whose generation stopped beating (its instance died): interrupted, their saved text kept.
 * `previousLife`: the instance-id prefix of this process's own earlier run, whose replies cannot be alive.
 */
export function markStaleReplies(staleBefore: Date, previousLife?: string) {
  return db.message.updateMany({
    where: {
      status: "streaming",
      OR: [
        { heartbeatAt: null },
        { heartbeatAt: { lt: staleBefore } },
        ...(previousLife ? [{ instanceId: { startsWith: previousLife } }] : []),
      ],
    },
    data: {
      status: "error",
      errorType: "interrupted",
      errorMessage: "The server generating this reply stopped while it was being written.",
    },
  });
}

/** After a restart nothing is generating: replies left "streaming" were cut off. */
export function markInterruptedReplies() {
  return db.message.updateMany({
    where: { status: "streaming" },
    data: {
      status: "error",
      errorType: "interrupted",
      errorMessage: "The server restarted while this reply was being generated.",
    },
  });
}

/**
 * What a new turn continues: the chain up to `lastId` (the last message the user saw; null: the
 * conversation's start; undefined: the active branch's end), and whether a reply is being generated
 * anywhere in the conversation. Null when the conversation is not the user's or `lastId` is not in it.
 */
export async function turnContext(
  conversationId: string,
  userId: string,
  lastId: string | null | undefined,
): Promise<{ rows: MessageRow[]; generating: boolean } | null> {
  const loaded = await loadTree(conversationId, userId);
  if (!loaded || (lastId && !loaded.tree.has(lastId))) return null;
  const chain =
    lastId === undefined
      ? loaded.tree.path(loaded.activeLeafId)
      : lastId === null
        ? []
        : loaded.tree.chainTo(lastId);
  const rows = await rowsInOrder(
    chain.map((node) => node.id),
    userId,
  );
  return { rows, generating: loaded.generating };
}

export interface TurnIds {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
}

/** Ids for a turn about to be saved: in `conversationId`, or in a new conversation when it is null. */
export function newTurnIds(conversationId: string | null): TurnIds {
  return { conversationId: conversationId ?? newId(), userMessageId: newId(), assistantMessageId: newId() };
}

/**
 * Saves a user turn and the placeholder of its reply in one transaction (creating the conversation
 * when `conversationId` is null), and makes the reply the conversation's active leaf.
 */
/** A write refused by a unique index, from a Prisma query (P2002) or a raw statement (the driver's kind). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  return code === "P2002" || meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

export async function createTurn(input: {
  userId: string;
  conversationId: string | null;
  newTitle: string;
  model: string;
  /** The Thinking control's choice, remembered by the conversation. */
  thinking?: string | null;
  /** The Tools menu's choices (JSON), remembered by the conversation. */
  tools?: string | null;
  /** The Citations switch, remembered by the conversation. */
  citations?: boolean;
  parentId: string | null;
  userContent: ContentBlock[];
  systemPrompt?: string | null;
  presetId?: string | null;
  /** Chosen beforehand (see newTurnIds) or here; `conversationId` must match the input's. */
  ids?: TurnIds;
}): Promise<TurnIds> {
  const ids = input.ids ?? newTurnIds(input.conversationId);
  // One clock reading for the turn: the conversation is updated when the question is asked, and the
  // reply is stamped a millisecond later, so that sorting by time never puts it before its question.
  const askedAt = new Date();
  const repliedAt = new Date(askedAt.getTime() + 1);
  const { instanceId, heartbeatAt } = generationOwner();
  const thinking = input.thinking ?? null;
  const tools = input.tools ?? null;
  const citations = input.citations ?? false;
  // Raw SQL: every reply starts here, and Prisma's create and createMany cost ~1 ms each to build
  // where a raw statement takes ~0.3 ms (bench:throughput). Constraint errors then come as P2010
  // with the driver's kind (see isUniqueViolation).
  const conversation = input.conversationId
    ? db.$executeRaw`
        UPDATE "Conversation" SET "model" = ${input.model}, "thinking" = ${thinking}, "tools" = ${tools},
          "citations" = ${citations}, "activeLeafId" = ${ids.assistantMessageId}, "updatedAt" = ${askedAt}
        WHERE "id" = ${input.conversationId} AND "userId" = ${input.userId}`
    : db.$executeRaw`
        INSERT INTO "Conversation" ("id", "userId", "title", "model", "thinking", "tools", "citations",
          "systemPrompt", "presetId", "activeLeafId", "createdAt", "updatedAt")
        VALUES (${ids.conversationId}, ${input.userId}, ${input.newTitle}, ${input.model}, ${thinking},
          ${tools}, ${citations}, ${input.systemPrompt ?? null}, ${input.presetId ?? null},
          ${ids.assistantMessageId}, ${askedAt}, ${askedAt})`;
  await db.$transaction([
    conversation,
    // One statement for both rows: the reply's parent is checked at its end.
    db.$executeRaw`
      INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "content", "status", "model",
        "createdAt", "updatedAt", "instanceId", "heartbeatAt")
      VALUES
        (${ids.userMessageId}, ${ids.conversationId}, ${input.parentId}, 'user',
          ${JSON.stringify(input.userContent)}, 'done', NULL, ${askedAt}, ${askedAt}, NULL, NULL),
        (${ids.assistantMessageId}, ${ids.conversationId}, ${ids.userMessageId}, 'assistant', '[]',
          'streaming', ${input.model}, ${repliedAt}, ${repliedAt}, ${instanceId}, ${heartbeatAt})`,
  ]);
  return ids;
}

/** Replies being generated for the user right now, across their conversations. */
export async function countGeneratingReplies(userId: string): Promise<number> {
  // Raw SQL: every reply asks (the concurrent-reply cap); Prisma's count costs ~1 ms to build.
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    SELECT COUNT(*) AS "count" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE m."status" = 'streaming' AND c."userId" = ${userId}`;
  return Number(rows[0]?.count ?? 0);
}
