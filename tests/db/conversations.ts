import { beforeAll, describe, expect, it } from "vitest";
import { saveDocument } from "@/lib/db/attachments";
import { db } from "@/lib/db/client";
import {
  decodeCursor,
  deleteConversation,
  encodeCursor,
  listConversations,
  renameConversation,
  replaceInitialTitle,
} from "@/lib/db/conversations";
import { createTurn } from "@/lib/db/messages";
import { MODEL, newUser, startConversation, text } from "./fixtures";

async function collectPages(userId: string, limit: number) {
  const ids: string[] = [];
  let after = null;
  for (let pages = 1; pages < 20; pages++) {
    const page = await listConversations(userId, { after, limit });
    ids.push(...page.conversations.map((row) => row.id));
    if (!page.nextCursor) return { ids, pages };
    after = decodeCursor(page.nextCursor);
  }
  throw new Error("pagination did not end");
}

describe("conversation list", () => {
  let owner: string;
  let newestFirst: string[];

  beforeAll(async () => {
    owner = (await newUser()).id;
    const stranger = (await newUser()).id;
    // Three rows share one timestamp, so the id has to break the tie between pages.
    const times = [1, 2, 2, 2, 3, 4, 5].map((day) => new Date(Date.UTC(2026, 0, day)));
    const rows = await Promise.all(
      times.map((updatedAt, index) =>
        db.conversation.create({
          data: { userId: owner, title: `Chat ${index}`, model: MODEL, updatedAt },
          select: { id: true, updatedAt: true },
        }),
      ),
    );
    newestFirst = rows
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);
    await startConversation(stranger, "Not yours");
  });

  it("pages newest first with no row missed or repeated, across equal timestamps", async () => {
    for (const limit of [1, 2, 3, 7, 50]) {
      const { ids, pages } = await collectPages(owner, limit);
      expect(ids).toEqual(newestFirst);
      expect(pages).toBe(Math.max(1, Math.ceil(newestFirst.length / limit)));
    }
  });

  it("says when there is no next page", async () => {
    const page = await listConversations(owner, { limit: newestFirst.length });
    expect(page.conversations).toHaveLength(newestFirst.length);
    expect(page.nextCursor).toBeNull();
  });

  it("lists only the user's own conversations", async () => {
    const { conversations } = await listConversations(owner, { limit: 100 });
    expect(conversations.map((row) => row.title)).not.toContain("Not yours");
  });

  it("cursors round-trip and junk is rejected", () => {
    const cursor = { updatedAt: new Date("2026-01-02T03:04:05.678Z"), id: "abc_123-x" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const junk of ["", "x", Buffer.from("12.a b").toString("base64url"), "MTIz"]) {
      expect(decodeCursor(junk)).toBeNull();
    }
  });
});

describe("renameConversation and deleteConversation", () => {
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
  });

  it("renames the owner's conversation without changing its place in the list", async () => {
    const { conversationId } = await startConversation(owner, "Before");
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const renamed = await renameConversation(owner, conversationId, "After");
    expect(renamed).toMatchObject({ id: conversationId, title: "After" });
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.title).toBe("After");
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("does not rename another user's conversation", async () => {
    const { conversationId } = await startConversation(owner, "Mine");
    expect(await renameConversation(stranger, conversationId, "Stolen")).toBeNull();
    expect(await renameConversation(owner, "no-such-id", "Nothing")).toBeNull();
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).title).toBe("Mine");
  });

  it("replaces a generated title only while the first one stands, keeping the list order", async () => {
    const { conversationId } = await startConversation(owner, "Provisional");
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(await replaceInitialTitle(conversationId, "Provisional", "Generated")).toEqual({ count: 1 });
    expect(await replaceInitialTitle(conversationId, "Provisional", "Too late")).toEqual({ count: 0 });
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after).toMatchObject({ title: "Generated", updatedAt: before.updatedAt });
  });

  it("does not delete another user's conversation", async () => {
    const { conversationId } = await startConversation(owner, "Keep me");
    expect(await deleteConversation(stranger, conversationId)).toBeNull();
    expect(await db.conversation.count({ where: { id: conversationId } })).toBe(1);
    expect(await db.message.count({ where: { conversationId } })).toBe(2);
  });

  it("deletes the owner's conversation with its messages, naming replies still streaming", async () => {
    const kept = await startConversation(owner, "Other");
    const { conversationId, assistantMessageId } = await startConversation(owner, "Delete me");
    expect(await deleteConversation(owner, conversationId)).toEqual({
      streamingReplyIds: [assistantMessageId],
      remoteFileIds: [],
    });
    expect(await db.conversation.count({ where: { id: conversationId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: kept.conversationId } })).toBe(2);
    expect(await deleteConversation(owner, conversationId)).toBeNull();
  });

  it("names the Files API ids of the deleted conversation's attachments, which forget them", async () => {
    const { attachment } = await saveDocument(owner, {
      bytes: new Uint8Array(Buffer.from(`notes ${Math.random()}`)),
      mediaType: "text/plain",
      name: "notes.txt",
      pages: null,
    });
    await db.attachment.update({ where: { id: attachment.id }, data: { remoteFileId: "file_remote_1" } });
    const { conversationId } = await createTurn({
      userId: owner,
      conversationId: null,
      newTitle: "With a file",
      model: MODEL,
      parentId: null,
      userContent: [
        {
          type: "document",
          source: { type: "attachment", attachment_id: attachment.id, media_type: "text/plain" },
          title: "notes.txt",
        },
        ...text("Read this"),
      ],
    });
    expect(await deleteConversation(stranger, conversationId)).toBeNull();
    expect((await deleteConversation(owner, conversationId))?.remoteFileIds).toEqual(["file_remote_1"]);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.remoteFileId).toBeNull();
  });
});
