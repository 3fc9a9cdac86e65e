// What a shared conversation shows: the branch's text, and its images only when the owner chose so.
// Everything else a message holds (thinking and its signatures, tool calls and results, documents,
// citations quoting private files, usage, costs, errors) never enters the snapshot.
import { z } from "zod";
import { type ContentBlock, imagesOf, parseContent } from "@/lib/chat/content";

const sharedBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({ type: z.literal("image"), attachmentId: z.string().optional(), url: z.string().optional() }),
]);

const sharedMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  blocks: z.array(sharedBlockSchema),
});

export type SharedBlock = z.infer<typeof sharedBlockSchema>;
export type SharedMessage = z.infer<typeof sharedMessageSchema>;

function sharedBlocks(content: readonly ContentBlock[]): SharedBlock[] {
  const images = imagesOf(content).flatMap((block): SharedBlock[] => {
    if (block.source.type === "attachment")
      return [{ type: "image", attachmentId: block.source.attachment_id }];
    if (block.source.type === "url") return [{ type: "image", url: block.source.url }];
    return [];
  });
  const texts = content.flatMap((block): SharedBlock[] =>
    block.type === "text" && typeof block.text === "string" && block.text.trim() !== ""
      ? [{ type: "text", text: block.text }]
      : [],
  );
  return [...images, ...texts];
}

/** The snapshot of a branch (oldest first): replies that failed or are still streaming are left out. */
export function toSnapshot(
  rows: readonly { role: string; content: string; status: string }[],
): SharedMessage[] {
  return rows.flatMap((row) => {
    if (row.role !== "user" && row.role !== "assistant") return [];
    if (row.role === "assistant" && row.status !== "done" && row.status !== "stopped") return [];
    const blocks = sharedBlocks(parseContent(row.content));
    return blocks.length > 0 ? [{ role: row.role, blocks }] : [];
  });
}

/** A stored snapshot; empty when it does not parse (never shown half-understood). */
export function parseSnapshot(json: string): SharedMessage[] {
  try {
    const parsed = z.array(sharedMessageSchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** What a reader sees of a message: its image blocks only when the owner included images. */
export function visibleBlocks(message: SharedMessage, includeImages: boolean): SharedBlock[] {
  return includeImages ? message.blocks : message.blocks.filter((block) => block.type !== "image");
}

/** The stored images a share may serve. */
export function sharedAttachmentIds(snapshot: readonly SharedMessage[]): Set<string> {
  return new Set(
    snapshot.flatMap((message) =>
      message.blocks.flatMap((block) =>
        block.type === "image" && block.attachmentId ? [block.attachmentId] : [],
      ),
    ),
  );
}
