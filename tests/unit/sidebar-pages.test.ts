import { describe, expect, it } from "vitest";
import { appendPage, type ConversationSummary, mergeFirstPage } from "@/components/sidebar/pages";

const row = (id: string, minute: number): ConversationSummary => ({
  id,
  title: id,
  updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
});
const ids = (page: { conversations: ConversationSummary[] }) => page.conversations.map((item) => item.id);

describe("appendPage", () => {
  it("adds the next page without repeating rows and moves the cursor", () => {
    const list = { conversations: [row("c", 3), row("b", 2)], nextCursor: "after-b" };
    const next = appendPage(list, { conversations: [row("b", 2), row("a", 1)], nextCursor: null });
    expect(ids(next)).toEqual(["c", "b", "a"]);
    expect(next.nextCursor).toBeNull();
  });
});

describe("mergeFirstPage", () => {
  const loaded = {
    conversations: [row("e", 5), row("d", 4), row("c", 3), row("b", 2)],
    nextCursor: "after-b",
  };

  it("takes a new conversation on top and keeps the older pages already loaded", () => {
    const first = { conversations: [row("f", 6), row("e", 5)], nextCursor: "after-e" };
    const merged = mergeFirstPage(loaded, first);
    expect(ids(merged)).toEqual(["f", "e", "d", "c", "b"]);
    expect(merged.nextCursor).toBe("after-b");
  });

  it("moves a conversation with a new reply to the top, once", () => {
    const first = { conversations: [{ ...row("c", 9), title: "new" }, row("e", 5)], nextCursor: "after-e" };
    const merged = mergeFirstPage(loaded, first);
    expect(ids(merged)).toEqual(["c", "e", "d", "b"]);
    expect(merged.conversations[0]?.title).toBe("new");
  });

  it("drops rows of the first page's range the server no longer lists (deleted)", () => {
    const first = { conversations: [row("e", 5), row("c", 3)], nextCursor: "after-c" };
    expect(ids(mergeFirstPage(loaded, first))).toEqual(["e", "c", "b"]);
  });

  it("is the fresh page when it is the only page, or nothing older was loaded", () => {
    const only = { conversations: [row("e", 5)], nextCursor: null };
    expect(mergeFirstPage(loaded, only)).toBe(only);
    const first = { conversations: [row("e", 5), row("d", 4), row("c", 3), row("b", 2)], nextCursor: "x" };
    expect(mergeFirstPage(loaded, first)).toBe(first);
  });
});
