import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTurn, finishReply } from "@/lib/db/messages";
import { doneReply, MODEL, newUser, startConversation, text } from "./fixtures";

/** A conversation of two turns (so messages also hang off other messages), using a preset. */
async function seedUser() {
  const user = await newUser();
  const first = await startConversation(user.id);
  await finishReply(first.assistantMessageId, doneReply);
  await createTurn({
    userId: user.id,
    conversationId: first.conversationId,
    newTitle: "Unused",
    model: MODEL,
    parentId: first.assistantMessageId,
    userContent: text("More"),
  });
  const preset = await db.preset.create({ data: { userId: user.id, name: "Terse", prompt: "Be terse." } });
  await db.conversation.update({ where: { id: first.conversationId }, data: { presetId: preset.id } });
  await db.attachment.create({
    data: {
      userId: user.id,
      mediaType: "image/png",
      bytes: new Uint8Array([1, 2, 3]),
      size: 3,
      sha256: "abc",
    },
  });
  return { userId: user.id, conversationId: first.conversationId };
}

describe("cascading deletes", () => {
  it("deleting a user removes their conversations, messages, presets and attachments", async () => {
    const gone = await seedUser();
    const kept = await seedUser();
    await db.user.delete({ where: { id: gone.userId } });

    const { userId, conversationId } = gone;
    expect(await db.conversation.count({ where: { userId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
    expect(await db.preset.count({ where: { userId } })).toBe(0);
    expect(await db.attachment.count({ where: { userId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: kept.conversationId } })).toBe(4);
    expect(await db.preset.count({ where: { userId: kept.userId, name: "Terse" } })).toBe(1);
    expect(await db.attachment.count({ where: { userId: kept.userId } })).toBe(1);
  });

  it("deleting a conversation removes its messages and nothing else", async () => {
    const { userId, conversationId } = await seedUser();
    const other = await startConversation(userId);
    await db.conversation.delete({ where: { id: conversationId } });

    expect(await db.message.count({ where: { conversationId } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: other.conversationId } })).toBe(2);
    expect(await db.preset.count({ where: { userId, name: "Terse" } })).toBe(1);
  });
});
