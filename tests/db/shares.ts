import { describe, expect, it } from "vitest";
import { saveImage } from "@/lib/db/attachments";
import { db } from "@/lib/db/client";
import { deleteConversation } from "@/lib/db/conversations";
import { createTurn, finishReply, selectBranch } from "@/lib/db/messages";
import {
  findSharedConversation,
  findSharedImage,
  listShares,
  revokeShare,
  shareConversation,
} from "@/lib/db/shares";
import { doneReply, MODEL, newUser, text } from "./fixtures";

/** A conversation whose first reply thought, called a tool and was billed, and whose user turn sent an image. */
async function sharedSetup() {
  const user = await newUser();
  const { attachment } = await saveImage(user.id, {
    mediaType: "image/png",
    bytes: new Uint8Array([137, 80, 78, 71]),
    width: 1,
    height: 1,
  });
  const first = await createTurn({
    userId: user.id,
    conversationId: null,
    newTitle: "Trip plans",
    model: MODEL,
    parentId: null,
    userContent: [
      {
        type: "image",
        source: { type: "attachment", attachment_id: attachment.id, media_type: "image/png" },
      },
      { type: "text", text: "Where should we go?" },
    ],
  });
  await finishReply(first.assistantMessageId, {
    ...doneReply,
    content: [
      { type: "thinking", thinking: "private musing", signature: "sig-secret" },
      { type: "tool_use", id: "toolu_1", name: "search_conversations", input: { query: "secret query" } },
      { type: "text", text: "Try **Kyoto**." },
    ],
  });
  return { userId: user.id, attachmentId: attachment.id, ...first };
}

describe("share links", () => {
  it("copies the branch on screen without thinking, tools, usage or (unless included) images", async () => {
    const { userId, conversationId, attachmentId } = await sharedSetup();
    const share = await shareConversation(userId, conversationId);
    expect(share).toMatchObject({ conversationId, title: "Trip plans", includeImages: false });
    expect(share!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await db.share.findUniqueOrThrow({ where: { id: share!.id } });
    for (const secret of [
      "private musing",
      "sig-secret",
      "secret query",
      "costUsd",
      "0.000075",
      "req_done",
    ]) {
      expect(stored.snapshot).not.toContain(secret);
    }
    const shared = await findSharedConversation(share!.token);
    expect(shared?.messages).toEqual([
      {
        role: "user",
        blocks: [
          { type: "image", attachmentId },
          { type: "text", text: "Where should we go?" },
        ],
      },
      { role: "assistant", blocks: [{ type: "text", text: "Try **Kyoto**." }] },
    ]);
    expect(await findSharedImage(share!.token, attachmentId)).toBeNull();
    await shareConversation(userId, conversationId, { includeImages: true });
    expect((await findSharedImage(share!.token, attachmentId))?.mediaType).toBe("image/png");
  });

  it("keeps one link per conversation, a copy until refreshed, following the branch on screen", async () => {
    const { userId, conversationId, userMessageId, assistantMessageId } = await sharedSetup();
    const share = await shareConversation(userId, conversationId);
    const base = { userId, conversationId, newTitle: "", model: MODEL };
    const later = await createTurn({ ...base, parentId: assistantMessageId, userContent: text("And then?") });
    await finishReply(later.assistantMessageId, doneReply);
    expect((await shareConversation(userId, conversationId))?.token).toBe(share!.token);
    const withImages = await shareConversation(userId, conversationId, { includeImages: true });
    expect(withImages?.sharedAt).toEqual(share!.sharedAt);
    expect((await findSharedConversation(share!.token))?.messages).toHaveLength(2);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const refreshed = await shareConversation(userId, conversationId, { refresh: true });
    expect(refreshed?.sharedAt.getTime()).toBeGreaterThan(share!.sharedAt.getTime());
    expect(refreshed).toMatchObject({ token: share!.token, includeImages: true });
    expect((await findSharedConversation(share!.token))?.messages).toHaveLength(4);

    // An edit of the first question, chosen on screen: the refreshed copy shows that branch only.
    const edit = await createTurn({ ...base, parentId: null, userContent: text("Edited question") });
    await finishReply(edit.assistantMessageId, doneReply);
    await selectBranch(conversationId, userId, edit.userMessageId);
    await shareConversation(userId, conversationId, { refresh: true });
    const texts = (await findSharedConversation(share!.token))?.messages.map((message) =>
      message.blocks.at(-1),
    );
    expect(texts).toEqual([
      { type: "text", text: "Edited question" },
      { type: "text", text: "Hi!" },
    ]);
    expect(userMessageId).not.toBe(edit.userMessageId);
  });

  it("another user can neither share, list, revoke nor change someone's conversation", async () => {
    const { userId, conversationId } = await sharedSetup();
    const stranger = (await newUser()).id;
    expect(await shareConversation(stranger, conversationId)).toBeNull();
    expect(await db.share.count({ where: { conversationId } })).toBe(0);

    const share = await shareConversation(userId, conversationId);
    expect(await shareConversation(stranger, conversationId, { includeImages: true })).toBeNull();
    expect(await shareConversation(stranger, conversationId, { refresh: true })).toBeNull();
    expect(await listShares(stranger)).toEqual([]);
    expect(await revokeShare(stranger, share!.id)).toBe(false);
    expect(await findSharedConversation(share!.token)).toMatchObject({ includeImages: false });
    expect((await listShares(userId)).map((row) => row.id)).toEqual([share!.id]);
  });

  it("a revoked link finds nothing, and sharing again makes a new link", async () => {
    const { userId, conversationId, attachmentId } = await sharedSetup();
    const share = await shareConversation(userId, conversationId, { includeImages: true });
    expect(await revokeShare(userId, share!.id)).toBe(true);
    expect(await findSharedConversation(share!.token)).toBeNull();
    expect(await findSharedImage(share!.token, attachmentId)).toBeNull();
    expect(await revokeShare(userId, share!.id)).toBe(false);
    const again = await shareConversation(userId, conversationId);
    expect(again?.token).not.toBe(share!.token);
  });

  it("an image outside the shared branch is never served", async () => {
    const { userId, conversationId } = await sharedSetup();
    const other = await saveImage(userId, {
      mediaType: "image/png",
      bytes: new Uint8Array([137, 80, 78, 71, 1]),
      width: 1,
      height: 1,
    });
    const share = await shareConversation(userId, conversationId, { includeImages: true });
    expect(await findSharedImage(share!.token, other.attachment.id)).toBeNull();
  });

  it("goes with its conversation and with its owner", async () => {
    const first = await sharedSetup();
    const byConversation = await shareConversation(first.userId, first.conversationId);
    await deleteConversation(first.userId, first.conversationId);
    expect(await db.share.count({ where: { id: byConversation!.id } })).toBe(0);

    const second = await sharedSetup();
    const third = await sharedSetup();
    const byUser = await shareConversation(second.userId, second.conversationId);
    const kept = await shareConversation(third.userId, third.conversationId);
    await db.user.delete({ where: { id: second.userId } });
    expect(await db.share.count({ where: { id: byUser!.id } })).toBe(0);
    expect(await findSharedConversation(byUser!.token)).toBeNull();
    expect(await findSharedConversation(kept!.token)).toMatchObject({ title: "Trip plans" });
  });
});
