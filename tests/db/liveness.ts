import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { beatReplies, markStaleReplies, replyProgress, replyStatuses } from "@/lib/db/messages";
import { instanceId, instancePrefix } from "@/lib/scale/instance";
import { newUser, saveReplyProgress, startConversation, text } from "./fixtures";

const row = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

describe("reply ownership and liveness", () => {
  it("records the generating instance, saves progress with its seq, and beats for its own replies", async () => {
    const user = await newUser();
    const turn = await startConversation(user.id, "Who runs me?");
    const created = await row(turn.assistantMessageId);
    expect(created.instanceId).toBe(instanceId());
    expect(created.progressSeq).toBe(-1);

    await saveReplyProgress(turn.assistantMessageId, text("So far"), 12);
    expect(await replyProgress(turn.assistantMessageId)).toEqual({
      status: "streaming",
      content: text("So far"),
      progressSeq: 12,
    });
    expect(await replyProgress("no-such-reply")).toBeNull();

    const old = new Date(Date.now() - 60_000);
    await db.message.update({ where: { id: turn.assistantMessageId }, data: { heartbeatAt: old } });
    await beatReplies(instanceId());
    expect((await row(turn.assistantMessageId)).heartbeatAt!.getTime()).toBeGreaterThan(old.getTime());
  });

  it("sweeps only replies whose instance stopped beating (or this instance's previous run), keeping their text", async () => {
    const user = await newUser();
    const alive = await startConversation(user.id, "alive");
    const dead = await startConversation(user.id, "dead");
    const previousRun = await startConversation(user.id, "previous run");
    await saveReplyProgress(dead.assistantMessageId, text("Kept text"), 4);
    await db.message.update({
      where: { id: dead.assistantMessageId },
      data: { instanceId: "elsewhere:3000/x", heartbeatAt: new Date(Date.now() - 30_000) },
    });
    await db.message.update({
      where: { id: previousRun.assistantMessageId },
      data: { instanceId: `${instancePrefix()}earlier-run` },
    });

    await markStaleReplies(new Date(Date.now() - 20_000));
    expect((await row(alive.assistantMessageId)).status).toBe("streaming");
    expect((await row(previousRun.assistantMessageId)).status).toBe("streaming");
    expect(await row(dead.assistantMessageId)).toMatchObject({
      status: "error",
      errorType: "interrupted",
      content: JSON.stringify(text("Kept text")),
    });

    await markStaleReplies(new Date(Date.now() - 20_000), instancePrefix());
    // At start-up: nothing of this run streams yet, so replies under this instance's prefix are an earlier run's.
    expect((await row(previousRun.assistantMessageId)).status).toBe("error");
  });
});

describe("replyStatuses", () => {
  it("reads the status of each existing reply in one query", async () => {
    const user = await newUser();
    const turn = await startConversation(user.id, "status?");
    const statuses = await replyStatuses([turn.assistantMessageId, turn.userMessageId, "missing"]);
    expect(statuses).toEqual(
      new Map([
        [turn.assistantMessageId, "streaming"],
        [turn.userMessageId, "done"],
      ]),
    );
  });
});
