// "Export all my data" streamed: the same JSON as the whole file stringified, read lazily.
import { describe, expect, it } from "vitest";
import { type AccountExportSource, type AccountHead, accountExportStream } from "@/lib/export/account-stream";
import type { AccountFile, ExportedAttachment, ExportedConversation } from "@/lib/export/schema";

const head: AccountHead = {
  format: "claude-chat/account",
  version: 1,
  exportedAt: "2026-01-02T03:04:05.000Z",
  user: { email: "a@example.test", name: null, createdAt: "2026-01-01T00:00:00.000Z" },
  settings: { promptCaching: true },
  presets: [{ name: "Terse", prompt: "Be terse.", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" }],
};

const conversation = (index: number): ExportedConversation => ({
  title: `Conversation ${index} "quoted" ✓`,
  model: "claude-sonnet-4-6",
  systemPrompt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  activeLeafId: null,
  messages: [],
});

const ATTACHMENT_BYTES = 256 * 1024;

/** A source of `pages` pages of conversations and `count` attachments that counts what it loads. */
function countingSource(pages: number[], count: number) {
  const loaded: string[] = [];
  const attachments = new Map<string, ExportedAttachment>(
    Array.from({ length: count }, (_, index) => {
      const id = `att${index}`;
      const data = Buffer.alloc(ATTACHMENT_BYTES, index).toString("base64");
      return [id, { id, mediaType: "image/png" as const, data }];
    }),
  );
  let next = 0;
  const conversationPages = pages.map((size) => Array.from({ length: size }, () => conversation(next++)));
  const source: AccountExportSource = {
    head,
    async *conversations() {
      yield* conversationPages;
    },
    attachmentIds: [...attachments.keys(), "deleted-meanwhile"],
    async attachment(id) {
      loaded.push(id);
      return attachments.get(id) ?? null;
    },
  };
  const file: AccountFile = {
    ...head,
    conversations: conversationPages.flat(),
    attachments: [...attachments.values()],
  };
  return { source, loaded, file };
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("accountExportStream", () => {
  it("writes exactly JSON.stringify of the whole file", async () => {
    for (const [pages, count] of [
      [[2, 0, 3], 3],
      [[], 0],
      [[1], 0],
      [[], 2],
    ] as const) {
      const { source, file } = countingSource([...pages], count);
      expect(await readAll(accountExportStream(source))).toBe(JSON.stringify(file));
    }
  });

  it("loads one attachment per read, only when it is read", async () => {
    const { source, loaded, file } = countingSource([2], 10);
    const reader = accountExportStream(source).getReader();
    const decoder = new TextDecoder();
    let text = "";
    // The head, the page of conversations, the attachments' opening: no attachment loaded yet.
    for (let read = 0; read < 3; read++) text += decoder.decode((await reader.read()).value);
    expect(loaded).toEqual([]);
    for (let index = 0; index < 10; index++) {
      const { value } = await reader.read();
      // This read asked for attachment `index`, and nothing beyond it was loaded.
      expect(loaded).toEqual(Array.from({ length: index + 1 }, (_, i) => `att${i}`));
      expect(value!.length).toBeGreaterThan(ATTACHMENT_BYTES);
      expect(value!.length).toBeLessThan(2 * ATTACHMENT_BYTES);
      text += decoder.decode(value);
    }
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      text += decoder.decode(result.value);
    }
    expect(JSON.parse(text)).toEqual(file);
  });

  it("stops loading when the download is cancelled", async () => {
    const { source, loaded } = countingSource([1], 10);
    const reader = accountExportStream(source).getReader();
    for (let read = 0; read < 5; read++) await reader.read();
    await reader.cancel();
    expect(loaded).toEqual(["att0", "att1"]);
  });
});
