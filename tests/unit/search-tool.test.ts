// The built-in search_conversations tool, with a fake search function in place of the database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import {
  type ConversationHit,
  type SearchConversations,
  searchConversationsTool,
} from "@/lib/tools/search-conversations";
import {
  MAX_SEARCH_TOOL_RESULTS,
  parseSearchResult,
  SEARCH_CONVERSATIONS,
  type SearchToolResult,
} from "@/lib/tools/search-result";
import { type ToolContext, toolBox } from "@/lib/tools/types";

afterEach(() => {
  vi.restoreAllMocks();
});

const context = (overrides: Partial<ToolContext> = {}): ToolContext => ({
  userId: "user_alice",
  conversationId: "conv_current",
  signal: new AbortController().signal,
  ...overrides,
});

const hit = (n: number, overrides: Partial<ConversationHit> = {}): ConversationHit => ({
  conversationId: `conv_${n}`,
  title: `Conversation ${n}`,
  messageId: `msg_${n}`,
  snippet: `…about cats ${n}…`,
  at: `2026-11-${String(30 - n).padStart(2, "0")}T10:00:00.000Z`,
  ...overrides,
});

/** A fake search over several users' hits that records every call. */
function fakeSearch(byUser: Record<string, ConversationHit[]>) {
  const calls: { userId: string; query: string }[] = [];
  const search: SearchConversations = async (userId, query) => {
    calls.push({ userId, query });
    return byUser[userId] ?? [];
  };
  return { search, calls };
}

function parsed(output: { text: string; isError?: boolean }): SearchToolResult {
  expect(output.isError).toBeUndefined();
  const result = parseSearchResult(output.text);
  expect(result).not.toBeNull();
  return result!;
}

describe("search_conversations: definition", () => {
  it("is named search_conversations and takes a required string query", () => {
    const { definition } = searchConversationsTool(fakeSearch({}).search);
    expect(definition.name).toBe(SEARCH_CONVERSATIONS);
    expect(SEARCH_CONVERSATIONS).toBe("search_conversations");
    expect(definition.input_schema).toMatchObject({
      type: "object",
      properties: { query: { type: "string" } },
      required: ["query"],
    });
    expect(definition.description).toContain("10");
  });
});

describe("search_conversations: run", () => {
  it("searches the context's user for the trimmed query and returns the hits as JSON", async () => {
    const { search, calls } = fakeSearch({
      user_alice: [hit(1), hit(2, { messageId: null, snippet: "Cats and dogs" })],
    });
    const output = await searchConversationsTool(search).run({ query: "  cats " }, context());
    expect(calls).toEqual([{ userId: "user_alice", query: "cats" }]);
    expect(parsed(output)).toEqual({
      query: "cats",
      results: [
        {
          title: "Conversation 1",
          snippet: "…about cats 1…",
          url: "/c/conv_1?m=msg_1#m-msg_1",
          date: "2026-11-29T10:00:00.000Z",
        },
        // A title hit links to the conversation.
        {
          title: "Conversation 2",
          snippet: "Cats and dogs",
          url: "/c/conv_2",
          date: "2026-11-28T10:00:00.000Z",
        },
      ],
    });
    expect(JSON.parse(output.text)).toEqual(parsed(output));
  });

  it("only ever searches as the context's user", async () => {
    const { search, calls } = fakeSearch({
      user_alice: [hit(1, { title: "Alice's" })],
      user_bob: [hit(2, { title: "Bob's" })],
    });
    const tool = searchConversationsTool(search);
    const alice = parsed(await tool.run({ query: "cats" }, context({ userId: "user_alice" })));
    const bob = parsed(
      await tool.run({ query: "cats" }, context({ userId: "user_bob", conversationId: "c" })),
    );
    const nobody = parsed(await tool.run({ query: "cats" }, context({ userId: "user_carol" })));
    expect(calls.map((call) => call.userId)).toEqual(["user_alice", "user_bob", "user_carol"]);
    expect(alice.results.map((result) => result.title)).toEqual(["Alice's"]);
    expect(bob.results.map((result) => result.title)).toEqual(["Bob's"]);
    expect(nobody.results).toEqual([]);
  });

  it("does not take a user id from the input", async () => {
    const { search, calls } = fakeSearch({ user_bob: [hit(1)] });
    const output = await searchConversationsTool(search).run(
      { query: "cats", userId: "user_bob", user_id: "user_bob" },
      context({ userId: "user_alice" }),
    );
    expect(calls).toEqual([{ userId: "user_alice", query: "cats" }]);
    expect(parsed(output).results).toEqual([]);
  });

  it("leaves out the conversation being answered, title and message hits alike", async () => {
    const { search } = fakeSearch({
      user_alice: [
        hit(1, { conversationId: "conv_current" }),
        hit(2),
        hit(3, { conversationId: "conv_current", messageId: null }),
        hit(4),
      ],
    });
    const output = await searchConversationsTool(search).run({ query: "cats" }, context());
    expect(parsed(output).results.map((result) => result.url)).toEqual([
      "/c/conv_2?m=msg_2#m-msg_2",
      "/c/conv_4?m=msg_4#m-msg_4",
    ]);
  });

  it("returns at most 10 results, the first ones, counted after leaving out the current conversation", async () => {
    const hits = [
      hit(0, { conversationId: "conv_current" }),
      hit(1, { conversationId: "conv_current" }),
      ...Array.from({ length: 15 }, (_, index) => hit(index + 2)),
    ];
    const { search } = fakeSearch({ user_alice: hits });
    const results = parsed(await searchConversationsTool(search).run({ query: "cats" }, context())).results;
    expect(MAX_SEARCH_TOOL_RESULTS).toBe(10);
    expect(results).toHaveLength(10);
    expect(results.map((result) => result.title)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Conversation ${index + 2}`),
    );
  });

  it("returns exactly 10 of exactly 10", async () => {
    const { search } = fakeSearch({ user_alice: Array.from({ length: 10 }, (_, index) => hit(index)) });
    const results = parsed(await searchConversationsTool(search).run({ query: "cats" }, context())).results;
    expect(results).toHaveLength(10);
  });

  it("returns an empty list when nothing matches", async () => {
    const { search } = fakeSearch({});
    const output = await searchConversationsTool(search).run({ query: "zebra" }, context());
    expect(output).toEqual({ text: JSON.stringify({ query: "zebra", results: [] }) });
  });

  it("encodes ids in links", async () => {
    const { search } = fakeSearch({
      user_alice: [hit(1, { conversationId: "a/b?c#d", messageId: "m 1&x=#y" })],
    });
    const [result] = parsed(await searchConversationsTool(search).run({ query: "cats" }, context())).results;
    expect(result?.url).toBe("/c/a%2Fb%3Fc%23d?m=m%201%26x%3D%23y#m-m%201%26x%3D%23y");
  });

  it("keeps titles and snippets as they are (quotes, newlines, non-Latin text)", async () => {
    const title = 'Say "hi"\nto 猫 🐱';
    const snippet = '…</script> {"json": true}…';
    const { search } = fakeSearch({ user_alice: [hit(1, { title, snippet })] });
    const [result] = parsed(await searchConversationsTool(search).run({ query: "猫" }, context())).results;
    expect(result).toMatchObject({ title, snippet });
  });

  it("accepts a query of 200 characters", async () => {
    const { search, calls } = fakeSearch({});
    const output = await searchConversationsTool(search).run({ query: "a".repeat(200) }, context());
    expect(output.isError).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["no input", undefined],
    ["null", null],
    ["a string", "cats"],
    ["an empty object", {}],
    ["an empty query", { query: "" }],
    ["a blank query", { query: "   \n" }],
    ["a number", { query: 42 }],
    ["an array", { query: ["cats"] }],
    ["201 characters", { query: "a".repeat(201) }],
    ["201 characters after trimming", { query: ` ${"a".repeat(201)} ` }],
  ])("bad input (%s) → an error result, no search", async (_, input) => {
    const { search, calls } = fakeSearch({ user_alice: [hit(1)] });
    const output = await searchConversationsTool(search).run(input, context());
    expect(output).toEqual({
      text: "query must be a non-empty string of at most 200 characters.",
      isError: true,
    });
    expect(calls).toEqual([]);
    expect(parseSearchResult(output.text)).toBeNull();
  });

  it("a failing search rejects; in a tool box it becomes an error result", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const failing: SearchConversations = async () => {
      throw new Error("database is down: postgres://secret@host");
    };
    const tool = searchConversationsTool(failing);
    await expect(tool.run({ query: "cats" }, context())).rejects.toThrow("database is down");
    const output = await toolBox([tool]).run(SEARCH_CONVERSATIONS, { query: "cats" }, context());
    expect(output).toEqual({ text: "The tool search_conversations failed. Try again later.", isError: true });
    expect(output.text).not.toContain("secret");
    expect(error).toHaveBeenCalled();
  });

  it("runs by name through a tool box, which passes the context on", async () => {
    const { search, calls } = fakeSearch({ user_bob: [hit(7)] });
    const box = toolBox([searchConversationsTool(search)]);
    expect(box.definitions.map((definition) => definition.name)).toEqual([SEARCH_CONVERSATIONS]);
    const output = await box.run(SEARCH_CONVERSATIONS, { query: "cats" }, context({ userId: "user_bob" }));
    expect(calls).toEqual([{ userId: "user_bob", query: "cats" }]);
    expect(parsed(output).results).toHaveLength(1);
  });
});

describe("parseSearchResult", () => {
  const valid: SearchToolResult = {
    query: "cats",
    results: [
      { title: "T", snippet: "S", url: "/c/conv_1?m=msg_1#m-msg_1", date: "2026-11-29T10:00:00.000Z" },
      { title: "Title hit", snippet: "Title hit", url: "/c/conv_2", date: "2026-11-28T10:00:00.000Z" },
    ],
  };

  it("round-trips a result", () => {
    expect(parseSearchResult(JSON.stringify(valid))).toEqual(valid);
    expect(parseSearchResult(JSON.stringify({ query: "x", results: [] }))).toEqual({
      query: "x",
      results: [],
    });
  });

  it.each([
    ["an error text", "query must be a non-empty string of at most 200 characters."],
    ["empty text", ""],
    ["truncated JSON", JSON.stringify(valid).slice(0, 40)],
    ["another tool's JSON", JSON.stringify({ temperature: 21 })],
    ["JSON null", "null"],
    ["a JSON array", "[]"],
    ["results missing", JSON.stringify({ query: "cats" })],
    ["query missing", JSON.stringify({ results: [] })],
    [
      "a hit without a date",
      JSON.stringify({ query: "q", results: [{ title: "T", snippet: "S", url: "/c/x" }] }),
    ],
    [
      "a link out of the app",
      JSON.stringify({
        query: "q",
        results: [{ title: "T", snippet: "S", url: "https://evil.example/", date: "d" }],
      }),
    ],
    [
      "a javascript: link",
      JSON.stringify({
        query: "q",
        results: [{ title: "T", snippet: "S", url: "javascript:alert(1)", date: "d" }],
      }),
    ],
  ])("%s → null", (_, text) => {
    expect(parseSearchResult(text)).toBeNull();
  });

  it("drops fields it does not know", () => {
    const text = JSON.stringify({
      query: "q",
      extra: 1,
      results: [{ title: "T", snippet: "S", url: "/c/x", date: "d", secret: "s" }],
    });
    expect(parseSearchResult(text)).toEqual({
      query: "q",
      results: [{ title: "T", snippet: "S", url: "/c/x", date: "d" }],
    });
  });
});
