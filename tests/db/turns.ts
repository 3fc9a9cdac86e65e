import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createAssistantPlaceholder,
  createTurn,
  finishReply,
  isUniqueViolation,
  markInterruptedReplies,
  saveRepliesProgress,
} from "@/lib/db/messages";
import {
  activePath,
  branchTo,
  doneReply,
  MODEL,
  newUser,
  saveReplyProgress,
  startConversation,
  text,
} from "./fixtures";

const message = (id: string) => db.message.findUniqueOrThrow({ where: { id } });
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("createTurn", () => {
  it("creates the conversation, the user message and a streaming reply placeholder", async () => {
    const user = await newUser();
    const turn = await startConversation(user.id, "Hi there");
    const { conversationId } = turn;

    expect(await db.conversation.findUnique({ where: { id: conversationId } })).toMatchObject({
      userId: user.id,
      title: "Hi there",
      model: MODEL,
    });
    expect(await message(turn.userMessageId)).toMatchObject({
      conversationId,
      parentId: null,
      role: "user",
      status: "done",
      content: JSON.stringify(text("Hi there")),
    });
    expect(await message(turn.assistantMessageId)).toMatchObject({
      conversationId,
      parentId: turn.userMessageId,
      role: "assistant",
      status: "streaming",
      content: "[]",
      model: MODEL,
    });
    expect(await db.message.count({ where: { conversationId } })).toBe(2);
  });

  it("keeps a copy of the system prompt and the preset it came from on a new conversation", async () => {
    const user = await newUser();
    const preset = await db.preset.create({
      data: { userId: user.id, name: "Tutor", prompt: "Teach kindly." },
    });
    const { conversationId } = await createTurn({
      userId: user.id,
      conversationId: null,
      newTitle: "Lesson",
      model: MODEL,
      parentId: null,
      userContent: text("Lesson"),
      systemPrompt: "Teach kindly.",
      presetId: preset.id,
    });
    await db.preset.update({ where: { id: preset.id }, data: { prompt: "Changed." } });
    expect(await db.conversation.findUnique({ where: { id: conversationId } })).toMatchObject({
      systemPrompt: "Teach kindly.",
      presetId: preset.id,
    });
  });

  it("saves nothing when a step fails", async () => {
    const user = await newUser();
    const failing = createTurn({
      userId: user.id,
      conversationId: null,
      newTitle: "Orphan",
      model: MODEL,
      parentId: "no-such-message",
      userContent: text("Orphan"),
    });
    await expect(failing).rejects.toMatchObject({
      meta: { driverAdapterError: { cause: { kind: "ForeignKeyConstraintViolation" } } },
    });
    expect(await db.conversation.count({ where: { userId: user.id } })).toBe(0);
  });

  it("appends to an existing conversation under the given parent and switches its model", async () => {
    const user = await newUser();
    const first = await startConversation(user.id, "First");
    await finishReply(first.assistantMessageId, doneReply);
    const next = await createTurn({
      userId: user.id,
      conversationId: first.conversationId,
      newTitle: "Unused",
      model: "claude-opus-4-1",
      parentId: first.assistantMessageId,
      userContent: text("Second"),
    });

    expect(next.conversationId).toBe(first.conversationId);
    expect(await message(next.userMessageId)).toMatchObject({
      parentId: first.assistantMessageId,
      role: "user",
    });
    expect(await message(next.assistantMessageId)).toMatchObject({
      parentId: next.userMessageId,
      status: "streaming",
      model: "claude-opus-4-1",
    });
    expect(await db.conversation.findUnique({ where: { id: first.conversationId } })).toMatchObject({
      title: "First",
      model: "claude-opus-4-1",
    });
    expect(await db.message.count({ where: { conversationId: first.conversationId } })).toBe(4);
  });
});

describe("activePath and branchTo", () => {
  it("follow the newest reply after a retry; branchTo returns the chain from the root", async () => {
    const user = await newUser();
    const first = await startConversation(user.id);
    await finishReply(first.assistantMessageId, { ...doneReply, status: "error" });
    const retry = await createAssistantPlaceholder({
      userId: user.id,
      conversationId: first.conversationId,
      parentId: first.userMessageId,
      model: MODEL,
    });
    await finishReply(retry.id, doneReply);
    const next = await createTurn({
      userId: user.id,
      conversationId: first.conversationId,
      newTitle: "Unused",
      model: MODEL,
      parentId: retry.id,
      userContent: text("And then?"),
    });
    const { conversationId } = first;

    expect(ids(await activePath(conversationId, user.id))).toEqual([
      first.userMessageId,
      retry.id,
      next.userMessageId,
      next.assistantMessageId,
    ]);
    expect(ids(await branchTo(conversationId, user.id, first.assistantMessageId))).toEqual([
      first.userMessageId,
      first.assistantMessageId,
    ]);
    expect(ids(await branchTo(conversationId, user.id, next.userMessageId))).toEqual([
      first.userMessageId,
      retry.id,
      next.userMessageId,
    ]);
    expect(await branchTo(conversationId, user.id, "no-such-message")).toEqual([]);
  });
});

describe("finishReply and saveReplyProgress", () => {
  it("finishReply stores status, content, usage, cost, request id and error", async () => {
    const user = await newUser();
    const { assistantMessageId: id } = await startConversation(user.id);
    await finishReply(id, {
      status: "error",
      content: text("Partial"),
      stopReason: null,
      usage: { inputTokens: 12, outputTokens: 34, cacheReadTokens: 56, cacheWriteTokens: 78 },
      costUsd: 0.00123,
      requestId: "req_123",
      model: "claude-opus-4-1",
      steps: 1,
      error: { type: "overloaded_error", message: "Overloaded", requestId: "req_123", retryAfterSeconds: 5 },
    });
    expect(await message(id)).toMatchObject({
      status: "error",
      content: JSON.stringify(text("Partial")),
      stopReason: null,
      model: "claude-opus-4-1",
      inputTokens: 12,
      outputTokens: 34,
      cacheReadTokens: 56,
      cacheWriteTokens: 78,
      costUsd: 0.00123,
      requestId: "req_123",
      errorType: "overloaded_error",
      errorMessage: "Overloaded",
    });
  });

  it("saveReplyProgress updates a streaming reply but not a finished one", async () => {
    const user = await newUser();
    const { assistantMessageId: id } = await startConversation(user.id);
    expect(await saveReplyProgress(id, text("Hel"))).toEqual({ count: 1 });
    expect((await message(id)).content).toBe(JSON.stringify(text("Hel")));

    await finishReply(id, doneReply);
    expect(await saveReplyProgress(id, text("Late"))).toEqual({ count: 0 });
    expect(await message(id)).toMatchObject({ status: "done", content: JSON.stringify(doneReply.content) });
  });
});

describe("saveRepliesProgress", () => {
  it("saves many streaming replies in one call, each with its own content and seq, never a finished one", async () => {
    const user = await newUser();
    const replies = await Promise.all(
      Array.from({ length: 205 }, (_, i) => startConversation(user.id, `batch ${i}`)),
    );
    const finished = replies[0]?.assistantMessageId as string;
    await finishReply(finished, doneReply);
    const rows = replies.map(({ assistantMessageId }, i) => ({
      id: assistantMessageId,
      content: JSON.stringify(text(`part ${i} — 途中`)),
      seq: i,
    }));
    expect(await saveRepliesProgress(rows)).toBe(204);
    expect(await message(replies[204]?.assistantMessageId as string)).toMatchObject({
      status: "streaming",
      content: JSON.stringify(text("part 204 — 途中")),
      progressSeq: 204,
    });
    expect(await message(replies[1]?.assistantMessageId as string)).toMatchObject({ progressSeq: 1 });
    expect(await message(finished)).toMatchObject({
      status: "done",
      content: JSON.stringify(doneReply.content),
    });
  });
});

describe("markInterruptedReplies", () => {
  it("turns every streaming reply into an interrupted error and leaves the rest alone", async () => {
    const user = await newUser();
    const cut = await startConversation(user.id);
    const done = await startConversation(user.id);
    await finishReply(done.assistantMessageId, doneReply);
    const streaming = await db.message.count({ where: { status: "streaming" } });

    expect(await markInterruptedReplies()).toEqual({ count: streaming });
    expect(await db.message.count({ where: { status: "streaming" } })).toBe(0);
    expect(await message(cut.assistantMessageId)).toMatchObject({
      status: "error",
      errorType: "interrupted",
      errorMessage: "The server restarted while this reply was being generated.",
    });
    expect(await message(done.assistantMessageId)).toMatchObject({ status: "done", errorType: null });
    expect(await message(cut.userMessageId)).toMatchObject({ status: "done", errorType: null });
  });
});

describe("one reply generating per conversation", () => {
  it("the database refuses a second streaming reply in the same conversation, on any branch", async () => {
    const user = await newUser();
    const first = await startConversation(user.id, "First");
    const rejected = await createAssistantPlaceholder({
      userId: user.id,
      conversationId: first.conversationId,
      parentId: first.userMessageId,
      model: MODEL,
    }).catch((error: { code?: string }) => error.code);
    expect(rejected).toBe("P2002");
    await finishReply(first.assistantMessageId, doneReply);
    await expect(
      createAssistantPlaceholder({
        userId: user.id,
        conversationId: first.conversationId,
        parentId: first.userMessageId,
        model: MODEL,
      }),
    ).resolves.toBeDefined();
    // Other conversations are not affected.
    await expect(startConversation(user.id, "Second")).resolves.toBeDefined();
  });

  it("a new turn while a reply generates is refused as a unique violation, and saves nothing", async () => {
    const user = await newUser();
    const first = await startConversation(user.id, "First");
    const refused = await createTurn({
      userId: user.id,
      conversationId: first.conversationId,
      newTitle: "",
      model: MODEL,
      parentId: first.assistantMessageId,
      userContent: text("Again"),
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
    expect(await db.message.count({ where: { conversationId: first.conversationId } })).toBe(2);
  });
});
