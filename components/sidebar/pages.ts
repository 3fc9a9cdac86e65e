// The client's copy of the conversation list: server pages merged without duplicates or gaps.
export interface ConversationSummary {
  id: string;
  title: string;
  /** ISO 8601, as the server sends it. */
  updatedAt: string;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

export const SIDEBAR_PAGE_SIZE = 30;

export function toSummary(row: { id: string; title: string; updatedAt: Date }): ConversationSummary {
  return { id: row.id, title: row.title, updatedAt: row.updatedAt.toISOString() };
}

/** The server's order: updatedAt, then id, both descending. */
function newerFirst(a: ConversationSummary, b: ConversationSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** Adds the next page, skipping rows already listed (a row can shift between pages). */
export function appendPage(list: ConversationPage, page: ConversationPage): ConversationPage {
  const known = new Set(list.conversations.map((conversation) => conversation.id));
  return {
    conversations: [...list.conversations, ...page.conversations.filter((row) => !known.has(row.id))],
    nextCursor: page.nextCursor,
  };
}

/**
 * Takes a fresh first page (after a refresh) into a list that may hold further pages. Rows newer than
 * the page's end are exactly the page; older rows already loaded are kept unless they moved up.
 */
export function mergeFirstPage(list: ConversationPage, first: ConversationPage): ConversationPage {
  const last = first.conversations.at(-1);
  if (!last || first.nextCursor === null) return first;
  const fresh = new Set(first.conversations.map((conversation) => conversation.id));
  const older = list.conversations.filter((row) => !fresh.has(row.id) && newerFirst(last, row) < 0);
  if (older.length === 0) return first;
  return {
    conversations: [...first.conversations, ...older].sort(newerFirst),
    nextCursor: list.nextCursor,
  };
}
