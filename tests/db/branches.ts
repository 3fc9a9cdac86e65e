import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportConversation, importConversation } from "@/lib/db/export";
import {
  activePathPage,
  createAssistantPlaceholder,
  createTurn,
  finishReply,
  pathPageThrough,
  selectBranch,
  turnContext,
} from "@/lib/db/messages";
import { activePath, doneReply, MODEL, newUser, startConversation, text } from "./fixtures";

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/** A conversation u1 a1 u2 a2, plus an edit of u2 (u2e a2e) and a regenerated a2 (a2r). */
async function branchedConversation() {
  const user = await newUser();
  const first = await startConversation(user.id, "One");
  await finishReply(first.assistantMessageId, doneReply);
  const base = { userId: user.id, conversationId: first.conversationId, newTitle: "", model: MODEL };
  const second = await createTurn({ ...base, parentId: first.assistantMessageId, userContent: text("Two") });
  await finishReply(second.assistantMessageId, doneReply);
  const edited = await createTurn({ ...base, parentId: first.assistantMessageId, userContent: text("2") });
  await finishReply(edited.assistantMessageId, doneReply);
  const regenerated = await createAssistantPlaceholder({
    userId: user.id,
    conversationId: first.conversationId,
    parentId: second.userMessageId,
    model: MODEL,
  });
  await finishReply(regenerated.id, doneReply);
  return {
    userId: user.id,
    conversationId: first.conversationId,
    u1: first.userMessageId,
    a1: first.assistantMessageId,
    u2: second.userMessageId,
    a2: second.assistantMessageId,
    u2e: edited.userMessageId,
    a2e: edited.assistantMessageId,
    a2r: regenerated.id,
  };
}

describe("branches", () => {
  it("the newest turn or reply becomes the active leaf, and the page lists each message's versions", async () => {
    const c = await branchedConversation();
    expect(ids(await activePath(c.conversationId, c.userId))).toEqual([c.u1, c.a1, c.u2, c.a2r]);
    const page = await activePathPage(c.conversationId, c.userId);
    expect(page?.olderCursor).toBeNull();
    expect(page?.messages.map((message) => message.siblingIds)).toEqual([
      [c.u1],
      [c.a1],
      [c.u2, c.u2e],
      [c.a2, c.a2r],
    ]);
  });

  it("selectBranch saves the choice, following the newest replies below the chosen message", async () => {
    const c = await branchedConversation();
    const before = await db.conversation.findUniqueOrThrow({ where: { id: c.conversationId } });
    expect(await selectBranch(c.conversationId, c.userId, c.u2e)).toBe(true);
    expect(ids(await activePath(c.conversationId, c.userId))).toEqual([c.u1, c.a1, c.u2e, c.a2e]);
    expect(await selectBranch(c.conversationId, c.userId, c.a2)).toBe(true);
    expect(ids(await activePath(c.conversationId, c.userId))).toEqual([c.u1, c.a1, c.u2, c.a2]);
    const after = await db.conversation.findUniqueOrThrow({ where: { id: c.conversationId } });
    expect(after.updatedAt).toEqual(before.updatedAt); // switching is not new activity
  });

  it("selectBranch refuses another user's conversation and messages of other conversations", async () => {
    const c = await branchedConversation();
    const other = await branchedConversation();
    expect(await selectBranch(c.conversationId, other.userId, c.u2e)).toBe(false);
    expect(await selectBranch(c.conversationId, c.userId, other.u2e)).toBe(false);
    expect(await selectBranch(c.conversationId, c.userId, "no-such-message")).toBe(false);
    expect(ids(await activePath(c.conversationId, c.userId))).toEqual([c.u1, c.a1, c.u2, c.a2r]);
  });

  it("pages the active branch from the newest, older pages by cursor", async () => {
    const c = await branchedConversation();
    const newest = await activePathPage(c.conversationId, c.userId, null, 3);
    expect(ids(newest?.messages ?? [])).toEqual([c.a1, c.u2, c.a2r]);
    expect(newest?.olderCursor).toBe(c.a1);
    const older = await activePathPage(c.conversationId, c.userId, c.a1, 3);
    expect(ids(older?.messages ?? [])).toEqual([c.u1]);
    expect(older?.olderCursor).toBeNull();
    // What lies above a message does not depend on the branch shown (another tab may have switched).
    expect(ids((await activePathPage(c.conversationId, c.userId, c.u2e, 3))?.messages ?? [])).toEqual([
      c.u1,
      c.a1,
    ]);
    // An unknown cursor, or another user's conversation: nothing.
    expect(await activePathPage(c.conversationId, c.userId, "no-such-message", 3)).toBeNull();
    expect(await activePathPage(c.conversationId, (await newUser()).id)).toBeNull();
  });

  it("export and import keep the branch that was on screen", async () => {
    const c = await branchedConversation();
    await selectBranch(c.conversationId, c.userId, c.a2); // not the newest branch
    const file = await exportConversation(c.userId, c.conversationId);
    expect(file?.conversation.activeLeafId).toBe(c.a2);
    const imported = await importConversation(c.userId, file!);
    const texts = async (conversationId: string) =>
      (await activePath(conversationId, c.userId)).map((row) => row.content);
    expect(await texts(imported.id)).toEqual(await texts(c.conversationId));
  });

  it("pathPageThrough shows the branch of a message from another branch, and makes it the active one", async () => {
    const c = await branchedConversation();
    const page = await pathPageThrough(c.conversationId, c.userId, c.u2e);
    expect(ids(page?.messages ?? [])).toEqual([c.u1, c.a1, c.u2e, c.a2e]);
    expect(ids(await activePath(c.conversationId, c.userId))).toEqual([c.u1, c.a1, c.u2e, c.a2e]);
    expect(await pathPageThrough(c.conversationId, (await newUser()).id, c.u2e)).toBeNull();
    expect(await pathPageThrough(c.conversationId, c.userId, "no-such-message")).toBeNull();
  });

  it("turnContext gives the chain a new turn continues, and whether any branch is generating", async () => {
    const c = await branchedConversation();
    const ids2 = async (lastId: string | null | undefined) =>
      ids((await turnContext(c.conversationId, c.userId, lastId))?.rows ?? []);
    expect(await ids2(c.a2)).toEqual([c.u1, c.a1, c.u2, c.a2]); // an older branch, as shown
    expect(await ids2(undefined)).toEqual([c.u1, c.a1, c.u2, c.a2r]); // the active one
    expect(await ids2(null)).toEqual([]);
    expect(await turnContext(c.conversationId, c.userId, "no-such-message")).toBeNull();
    expect(await turnContext(c.conversationId, (await newUser()).id, undefined)).toBeNull();
    expect((await turnContext(c.conversationId, c.userId, c.a2))?.generating).toBe(false);
    // A reply generating on another branch blocks new turns on this one too.
    await createAssistantPlaceholder({
      userId: c.userId,
      conversationId: c.conversationId,
      parentId: c.u2e,
      model: MODEL,
    });
    expect((await turnContext(c.conversationId, c.userId, c.a2))?.generating).toBe(true);
  });

  it("an export taken while the shown branch's reply generates ends that branch at its question", async () => {
    const c = await branchedConversation();
    const { userMessageId, assistantMessageId } = await createTurn({
      userId: c.userId,
      conversationId: c.conversationId,
      newTitle: "",
      model: MODEL,
      parentId: c.a2,
      userContent: text("Three"),
    });
    const file = await exportConversation(c.userId, c.conversationId);
    expect(file?.conversation.activeLeafId).toBe(userMessageId);
    expect(file?.conversation.messages.map((message) => message.id)).not.toContain(assistantMessageId);
  });
});
