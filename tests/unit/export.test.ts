import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "@/lib/export/filename";
import { conversationMarkdown } from "@/lib/export/markdown";
import { CONVERSATION_FORMAT, conversationFileSchema, type ExportedMessage } from "@/lib/export/schema";
import { snippetAround } from "@/lib/export/snippet";
import en from "@/lib/i18n/messages/en/search.json";
import ja from "@/lib/i18n/messages/ja/search.json";

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();

function message(
  id: string,
  parentId: string | null,
  role: "user" | "assistant",
  text: string,
): ExportedMessage {
  return {
    id,
    parentId,
    role,
    content: [{ type: "text", text }],
    status: "done",
    model: role === "assistant" ? "claude-sonnet-4-6" : null,
    stopReason: null,
    errorType: null,
    errorMessage: null,
    errorParams: null,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    thinkingTokens: 0,
    webSearchRequests: 0,
    webFetchRequests: 0,
    costUsd: null,
    createdAt: at(Number(id.replace(/\D/g, ""))),
  };
}

// u1 → a2 (first reply) and a3 (a regenerated sibling, the newer one) → u4
const messages = [
  message("u1", null, "user", "What is a haiku?"),
  message("a2", "u1", "assistant", "An old answer."),
  message("a3", "u1", "assistant", "A short poem in **three** lines."),
  message("u4", "a3", "user", "Write one."),
];

const file = {
  format: CONVERSATION_FORMAT,
  version: 1,
  exportedAt: at(9),
  conversation: {
    title: "Haiku",
    model: "claude-sonnet-4-6",
    systemPrompt: null,
    createdAt: at(0),
    updatedAt: at(4),
    messages,
  },
  attachments: [],
};

describe("conversation export schema", () => {
  it("accepts an export and keeps unknown block types", () => {
    const withTool = structuredClone(file);
    withTool.conversation.messages[1]!.content.push({ type: "tool_use", id: "t1", input: { a: 1 } } as never);
    const parsed = conversationFileSchema.parse(withTool);
    expect(parsed.conversation.messages[1]?.content[1]).toEqual({
      type: "tool_use",
      id: "t1",
      input: { a: 1 },
    });
  });

  it.each([
    ["another format", { ...file, format: "something-else" }],
    ["a newer version", { ...file, version: 2 }],
    [
      "a streaming message",
      {
        ...file,
        conversation: { ...file.conversation, messages: [{ ...messages[0], status: "streaming" }] },
      },
    ],
    ["an empty title", { ...file, conversation: { ...file.conversation, title: "  " } }],
    [
      "a bad id",
      { ...file, conversation: { ...file.conversation, messages: [{ ...messages[0], id: "../x" }] } },
    ],
    [
      "an SVG attachment",
      { ...file, attachments: [{ id: "a", mediaType: "image/svg+xml", data: "PHN2Zz4=" }] },
    ],
    [
      "attachment data that is not base64",
      { ...file, attachments: [{ id: "a", mediaType: "image/png", data: "not base64!" }] },
    ],
  ])("rejects %s", (_name, value) => {
    expect(conversationFileSchema.safeParse(value).success).toBe(false);
  });
});

describe("Markdown export", () => {
  it("follows the branch that was on screen, or the newest one in files without it", () => {
    const older = conversationMarkdown({ ...file.conversation, activeLeafId: "a2" });
    expect(older).toContain("An old answer.");
    expect(older).not.toContain("Write one.");
    const unknownLeaf = conversationMarkdown({ ...file.conversation, activeLeafId: "gone" });
    expect(unknownLeaf).toBe(conversationMarkdown(file.conversation));
  });

  it("renders the title, the system prompt and each message of the active branch", () => {
    const markdown = conversationMarkdown({ ...file.conversation, systemPrompt: "Be brief." });
    expect(markdown).toBe(
      [
        "# Haiku",
        "",
        "## System prompt",
        "",
        "Be brief.",
        "",
        "## User",
        "",
        "What is a haiku?",
        "",
        "## Assistant (claude-sonnet-4-6)",
        "",
        "A short poem in **three** lines.",
        "",
        "## User",
        "",
        "Write one.",
        "",
      ].join("\n"),
    );
    expect(markdown).not.toContain("An old answer.");
  });

  it("shows thinking, tool calls and cited web sources", () => {
    const reply = {
      ...message("a1", null, "assistant", ""),
      content: [
        { type: "thinking", thinking: "Look it up.\nThen answer.", signature: "sig" },
        { type: "server_tool_use", id: "s1", name: "web_search", input: { query: "tides" } },
        { type: "web_search_tool_result", tool_use_id: "s1", content: [] },
        { type: "mcp_tool_use", id: "m1", name: "lookup", server_name: "wiki", input: {} },
        {
          type: "text",
          text: "High tide is at 6.",
          citations: [
            { type: "web_search_result_location", url: "https://tides.example/", title: "Tide [table]" },
            { type: "web_search_result_location", url: "javascript:alert(1)", title: "x" },
          ],
        },
      ],
    };
    const markdown = conversationMarkdown({ ...file.conversation, messages: [reply], activeLeafId: "a1" });
    expect(markdown).toContain("> *Thinking:* Look it up.\n> Then answer.");
    expect(markdown).toContain('*[Tool: web_search {"query":"tides"}]*');
    expect(markdown).toContain("*[Tool: lookup on wiki {}]*");
    expect(markdown).toContain("High tide is at 6.\n\n*Sources: [Tide table](https://tides.example/)*");
    expect(markdown).not.toContain("javascript:");
    expect(markdown).not.toContain("sig");
  });

  it("turns document citations into numbered footnotes with title, place and quote", () => {
    const cite = (title: string, text: string, where: object) => ({
      type: "char_location",
      cited_text: text,
      document_index: 0,
      document_title: title,
      ...where,
    });
    const reply = {
      ...message("a1", null, "assistant", ""),
      content: [
        {
          type: "text",
          text: "It launches in May.",
          citations: [
            cite("plan.txt", "The launch is on 3 May.", { start_char_index: 2, end_char_index: 25 }),
          ],
        },
        {
          type: "text",
          text: " Sales grew.",
          citations: [
            {
              ...cite("report.pdf", "Sales grew 5%.", {}),
              type: "page_location",
              start_page_number: 2,
              end_page_number: 3,
            },
            cite("plan.txt", "The launch is on 3 May.", { start_char_index: 2, end_char_index: 25 }),
          ],
        },
      ],
    };
    const markdown = conversationMarkdown({ ...file.conversation, messages: [reply], activeLeafId: "a1" });
    expect(markdown).toContain("It launches in May.[^1]");
    expect(markdown).toContain("Sales grew.[^2][^1]");
    expect(markdown).toContain("[^1]: plan.txt, characters 3–25: “The launch is on 3 May.”");
    expect(markdown).toContain("[^2]: report.pdf, page 2: “Sales grew 5%.”");
  });

  it("shows images and non-final statuses", () => {
    const reply = {
      ...message("a1", null, "assistant", "Half"),
      status: "stopped" as const,
      content: [
        { type: "image", source: { type: "url", url: "https://example.test/cat.png" } },
        { type: "image", source: { type: "attachment", attachment_id: "x" } },
        { type: "text", text: "Half" },
      ],
    };
    const markdown = conversationMarkdown({ ...file.conversation, messages: [reply] });
    expect(markdown).toContain("![image](https://example.test/cat.png)\n\n*[image]*\n\nHalf\n\n*(stopped)*");
  });
});

describe("search helpers", () => {
  it("cuts a snippet around the first match, on one line", () => {
    const text = `${"a".repeat(100)} needle\nin the ${"b".repeat(100)}`;
    expect(snippetAround(text, "NEEDLE", 10)).toBe("…aaaaaaaaa needle in the bb…");
    expect(snippetAround("short text", "absent")).toBe("short text");
  });

  it("names downloads after the title, safely", () => {
    expect(attachmentDisposition('東京 "trip"/plan', "md")).toBe(
      `attachment; filename="_ trip plan.md"; filename*=UTF-8''${encodeURIComponent("東京 trip plan.md")}`,
    );
    expect(attachmentDisposition("", "json")).toContain('filename="conversation.json"');
  });

  it("has the same keys in English and Japanese", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(en.label).toBe("Search conversations");
  });
});
