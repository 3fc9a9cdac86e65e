import { describe, expect, it } from "vitest";
import { saveDocument, saveImage } from "@/lib/db/attachments";
import { db } from "@/lib/db/client";
import {
  accountExportSource,
  conversationFields,
  exportAccountStream,
  importConversation,
  toExportedAttachment,
  toExportedConversation,
} from "@/lib/db/export";
import { finishReply } from "@/lib/db/messages";
import { getUserSettings } from "@/lib/db/settings";
import { accountExportStream } from "@/lib/export/account-stream";
import { ACCOUNT_FORMAT, CONVERSATION_FORMAT, conversationFileSchema } from "@/lib/export/schema";
import { png } from "../unit/images-fixtures";
import { doneReply, newUser, startConversation, text } from "./fixtures";

/**
 * The account export as it was built before it was streamed: everything loaded at once, then
 * stringified. Kept as the reference the stream must match byte for byte.
 */
async function inMemoryExport(userId: string, exportedAt: Date): Promise<string> {
  const [user, settings, presets, conversations, attachments] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, createdAt: true },
    }),
    getUserSettings(userId),
    db.preset.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { name: true, prompt: true, isDefault: true, createdAt: true },
    }),
    db.conversation.findMany({
      where: { userId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: conversationFields,
    }),
    db.attachment.findMany({
      where: { userId, bytes: { not: null } },
      select: { id: true, mediaType: true, bytes: true, name: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return JSON.stringify({
    format: ACCOUNT_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    user: { ...user, createdAt: user.createdAt.toISOString() },
    settings,
    presets: presets.map((preset) => ({ ...preset, createdAt: preset.createdAt.toISOString() })),
    conversations: conversations.map(toExportedConversation),
    attachments: attachments.flatMap((row) => toExportedAttachment(row) ?? []),
  });
}

const documentBlock = (attachmentId: string) => ({
  type: "document",
  source: { type: "attachment", attachment_id: attachmentId, media_type: "text/plain" },
  title: "notes.csv",
});

const imageBlock = (attachmentId: string) => ({
  type: "image",
  source: { type: "attachment", attachment_id: attachmentId, media_type: "image/png" },
});

describe("export all my data, streamed", () => {
  it("writes the same JSON as the in-memory export, and its conversations import again", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { promptCaching: false } });
    await db.preset.create({ data: { userId: user.id, name: "Terse", prompt: "Be terse." } });
    const images = [];
    for (const size of [3, 4, 5]) {
      const bytes = png(size, size);
      images.push(
        (await saveImage(user.id, { bytes, mediaType: "image/png", width: size, height: size })).attachment,
      );
    }
    const notes = await saveDocument(user.id, {
      bytes: new Uint8Array(Buffer.from("名前,値\nりんご,3\n")),
      mediaType: "text/plain",
      name: "notes.csv",
      pages: null,
    });
    // Neither an image nor a document: kept out of the export.
    await db.attachment.create({
      data: {
        userId: user.id,
        mediaType: "application/zip",
        bytes: Buffer.from("PK"),
        size: 2,
        sha256: "zip",
      },
    });
    const turns = [];
    for (let index = 0; index < 5; index++) {
      const turn = await startConversation(user.id, `Conversation ${index} “quoted” \\ ✓`);
      if (index !== 4)
        await finishReply(turn.assistantMessageId, { ...doneReply, content: text(`Reply ${index}`) });
      turns.push(turn);
    }
    await db.message.update({
      where: { id: turns[1]!.userMessageId },
      data: {
        content: JSON.stringify([
          imageBlock(images[0]!.id),
          imageBlock(images[2]!.id),
          documentBlock(notes.attachment.id),
          ...text("Two"),
        ]),
      },
    });

    const exportedAt = new Date();
    const reference = await inMemoryExport(user.id, exportedAt);
    // Pages of two conversations, so that the stream crosses page boundaries.
    const paged = await new Response(
      accountExportStream(await accountExportSource(user.id, exportedAt, 2)),
    ).text();
    expect(paged).toBe(reference);
    expect(await new Response(await exportAccountStream(user.id, exportedAt)).text()).toBe(reference);

    const file = JSON.parse(paged);
    expect(file.conversations).toHaveLength(5);
    expect(file.attachments.map((attachment: { id: string }) => attachment.id)).toEqual([
      ...images.map((image) => image.id),
      notes.attachment.id,
    ]);
    expect(file.attachments.at(-1)).toMatchObject({ mediaType: "text/plain", name: "notes.csv" });
    const withImages = file.conversations.find(
      (conversation: { title: string }) => conversation.title === "Conversation 1 “quoted” \\ ✓",
    );
    const conversationFile = conversationFileSchema.parse({
      format: CONVERSATION_FORMAT,
      version: 1,
      exportedAt: file.exportedAt,
      conversation: withImages,
      attachments: file.attachments,
    });
    const stranger = await newUser();
    const { id } = await importConversation(stranger.id, conversationFile);
    expect(await db.message.count({ where: { conversationId: id } })).toBe(2);
    expect(await db.attachment.count({ where: { userId: stranger.id } })).toBe(4);
    // The imported document block points at the stranger's own copy of the file.
    const imported = await db.message.findFirstOrThrow({ where: { conversationId: id, role: "user" } });
    const document = JSON.parse(imported.content).find(
      (block: { type: string }) => block.type === "document",
    );
    const copy = await db.attachment.findFirstOrThrow({ where: { id: document.source.attachment_id } });
    expect(copy).toMatchObject({ userId: stranger.id, name: "notes.csv", mediaType: "text/plain" });
  });
});
