import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/share.json";
import ja from "@/lib/i18n/messages/ja/share.json";
import { parseSnapshot, sharedAttachmentIds, toSnapshot, visibleBlocks } from "@/lib/share/snapshot";

const row = (role: string, content: unknown[], status = "done") => ({
  role,
  status,
  content: JSON.stringify(content),
});

const image = {
  type: "image",
  source: { type: "attachment", attachment_id: "att1", media_type: "image/png" },
};

describe("share snapshot", () => {
  it("keeps text and images, drops thinking, tools, documents, citations and failed replies", () => {
    const snapshot = toSnapshot([
      row("user", [
        image,
        { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
        {
          type: "document",
          source: { type: "attachment", attachment_id: "doc1", media_type: "application/pdf" },
          title: "payroll.pdf",
        },
        { type: "text", text: "Question" },
      ]),
      row("assistant", [
        { type: "thinking", thinking: "hidden thoughts", signature: "sig" },
        { type: "redacted_thinking", data: "opaque" },
        { type: "server_tool_use", id: "srv1", name: "web_search", input: { query: "q" } },
        { type: "web_search_tool_result", tool_use_id: "srv1", content: [] },
        {
          type: "text",
          text: "Answer",
          citations: [{ type: "char_location", cited_text: "salary 100k", document_title: "payroll.pdf" }],
        },
      ]),
      row("user", [{ type: "text", text: "Again" }]),
      row("assistant", [{ type: "text", text: "half a reply" }], "error"),
      row("assistant", [{ type: "text", text: "still writing" }], "streaming"),
    ]);
    expect(snapshot).toEqual([
      {
        role: "user",
        blocks: [
          { type: "image", attachmentId: "att1" },
          { type: "image", url: "https://example.com/cat.png" },
          { type: "text", text: "Question" },
        ],
      },
      { role: "assistant", blocks: [{ type: "text", text: "Answer" }] },
      { role: "user", blocks: [{ type: "text", text: "Again" }] },
    ]);
    const json = JSON.stringify(snapshot);
    for (const secret of [
      "hidden thoughts",
      "sig",
      "opaque",
      "payroll",
      "salary",
      "web_search",
      "half a reply",
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(sharedAttachmentIds(snapshot)).toEqual(new Set(["att1"]));
  });

  it("shows images only when included", () => {
    const [message] = toSnapshot([row("user", [image, { type: "text", text: "Hi" }])]);
    expect(visibleBlocks(message!, false)).toEqual([{ type: "text", text: "Hi" }]);
    expect(visibleBlocks(message!, true)).toHaveLength(2);
  });

  it("reads a stored snapshot back, and nothing from one that does not parse", () => {
    const stored = JSON.stringify([{ role: "assistant", blocks: [{ type: "text", text: "ok" }] }]);
    expect(parseSnapshot(stored)).toEqual([{ role: "assistant", blocks: [{ type: "text", text: "ok" }] }]);
    expect(parseSnapshot("not json")).toEqual([]);
    expect(parseSnapshot(JSON.stringify([{ role: "system", blocks: [] }]))).toEqual([]);
  });
});

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("share catalogue", () => {
  it("has the same keys in English and Japanese, and the contract's English names", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    expect(en).toMatchObject({ share: "Share", link: "Share link", copyLink: "Copy link", revoke: "Revoke" });
  });
});
