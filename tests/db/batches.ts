import { describe, expect, it } from "vitest";
import { dueBatches, type ItemResult, refreshBatch, storeResults, updatePart } from "@/lib/db/batch-poller";
import {
  batchItems,
  conversationFromItem,
  createBatch,
  deleteBatch,
  eachBatchItem,
  findBatch,
  findBatchItem,
  listBatches,
  markCanceling,
} from "@/lib/db/batches";
import { reserveBudget } from "@/lib/db/budget";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { acquireLease, releaseLease } from "@/lib/db/leases";
import { MODEL, newUser } from "./fixtures";

async function seedBatch(userId: string, size = 3) {
  const id = newId();
  await createBatch({
    id,
    userId,
    name: "Translate",
    model: MODEL,
    systemPrompt: null,
    maxTokens: 100,
    template: "T: {{text}}",
    columns: ["id", "text"],
    textColumn: "text",
    estimateUsd: 0.01,
    items: Array.from({ length: size }, (_, i) => ({
      input: { id: String(i), text: `row ${i}` },
      prompt: `T: row ${i}`,
    })),
    parts: [{ remoteId: `msgbatch_${id}`, size }],
  });
  return id;
}

const succeeded = (position: number): ItemResult => ({
  position,
  status: "succeeded",
  reply: `reply ${position}`,
  stopReason: "end_turn",
  errorType: null,
  errorMessage: null,
  inputTokens: 10,
  outputTokens: 5,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0.001,
});

const collect = async <T>(rows: AsyncGenerator<T>) => {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
};

describe("batches", () => {
  it("belong to their owner: every read and write by another user finds nothing", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const id = await seedBatch(owner.id);
    expect((await listBatches(owner.id)).map((b) => b.id)).toEqual([id]);
    expect(await listBatches(other.id)).toEqual([]);
    expect(await findBatch(other.id, id)).toBeNull();
    expect(await batchItems(other.id, id, 0, 10)).toEqual([]);
    expect(await collect(eachBatchItem(other.id, id))).toEqual([]);
    const [item] = await batchItems(owner.id, id, 0, 1);
    expect(await findBatchItem(other.id, id, item?.id ?? "")).toBeNull();
    expect(await markCanceling(other.id, id)).toBeNull();
    expect(await deleteBatch(other.id, id)).toBeNull();
    expect((await findBatch(owner.id, id))?.status).toBe("in_progress");
    expect(await collect(eachBatchItem(owner.id, id))).toHaveLength(3);
  });

  it("are deleted with their items, and with their user", async () => {
    const user = await newUser();
    const kept = await seedBatch(user.id);
    const gone = await seedBatch(user.id);
    expect(await deleteBatch(user.id, gone)).toEqual([`msgbatch_${gone}`]);
    expect(await db.batchItem.count({ where: { batchId: gone } })).toBe(0);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.batch.count({ where: { id: kept } })).toBe(0);
    expect(await db.batchItem.count({ where: { batchId: kept } })).toBe(0);
    expect(await db.batchPart.count({ where: { batchId: kept } })).toBe(0);
  });

  it("store each result once with its ledger record, and end the batch releasing its budget hold", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { monthlyBudgetUsd: 1 } });
    const id = await seedBatch(user.id);
    await reserveBudget({ userId: user.id, replyId: id, step: 1, estimateUsd: 0.5, holdMs: 86_400_000 });
    const batch = { id, userId: user.id, model: MODEL };
    await storeResults(batch, "msgbatch_x", [succeeded(0), succeeded(1)]);
    // A restart reads the same results again: nothing is stored or billed twice.
    await storeResults(batch, "msgbatch_x", [
      succeeded(0),
      succeeded(1),
      { ...succeeded(2), status: "expired", inputTokens: 0, outputTokens: 0, costUsd: null },
    ]);
    const records = await db.usageRecord.findMany({ where: { userId: user.id } });
    expect(records.map((r) => [r.kind, r.costUsd])).toEqual([
      ["batch", 0.001],
      ["batch", 0.001],
    ]);
    // The day's roll-up (what /admin reads) counts them once too.
    const daily = await db.usageDaily.findMany({ where: { userId: user.id } });
    expect(daily.map((row) => [row.model, row.calls, row.costUsd])).toEqual([[MODEL, 2, 0.002]]);
    const [part] = await db.batchPart.findMany({ where: { batchId: id } });
    await updatePart(part?.id ?? "", "stored", {
      processing: 0,
      succeeded: 2,
      errored: 0,
      canceled: 0,
      expired: 1,
    });
    await refreshBatch(id, new Date());
    const ended = await findBatch(user.id, id);
    expect(ended).toMatchObject({ status: "ended", succeeded: 2, expired: 1, processing: 0 });
    expect(ended?.costUsd).toBeCloseTo(0.002, 10);
    expect(await db.budgetHold.count({ where: { replyId: id } })).toBe(0);
    expect(await dueBatches(new Date(Date.now() + 60_000))).not.toContainEqual(
      expect.objectContaining({ id }),
    );
  });

  it("count their estimate against the budget: a batch over what is left is refused", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { monthlyBudgetUsd: 1 } });
    await reserveBudget({ userId: user.id, replyId: newId(), step: 1, estimateUsd: 0.6, holdMs: 86_400_000 });
    await expect(
      reserveBudget({ userId: user.id, replyId: newId(), step: 1, estimateUsd: 0.5, holdMs: 86_400_000 }),
    ).rejects.toThrow(/monthly budget/);
  });

  it("open a finished item as a conversation of the owner", async () => {
    const user = await newUser();
    const id = await seedBatch(user.id, 1);
    await storeResults({ id, userId: user.id, model: MODEL }, "msgbatch_x", [succeeded(0)]);
    const [item] = await batchItems(user.id, id, 0, 1);
    const found = await findBatchItem(user.id, id, item?.id ?? "");
    expect(found).toMatchObject({ prompt: "T: row 0", reply: "reply 0", status: "succeeded" });
    const conversationId = await conversationFromItem(user.id, {
      title: "T",
      model: MODEL,
      systemPrompt: null,
      prompt: found?.prompt ?? "",
      reply: found?.reply ?? "",
    });
    const messages = await db.message.findMany({
      where: { conversation: { id: conversationId, userId: user.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ["user", "done"],
      ["assistant", "done"],
    ]);
  });
});

describe("worker leases", () => {
  it("go to exactly one of several instances asking at once", async () => {
    const name = `lease-${newId()}`;
    const holders = Array.from({ length: 8 }, (_, i) => `instance-${i}`);
    const results = await Promise.all(holders.map((holder) => acquireLease(name, holder, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = holders[results.indexOf(true)] ?? "";
    expect(await acquireLease(name, winner, 60_000)).toBe(true);
    const loser = holders.find((h) => h !== winner) ?? "";
    expect(await acquireLease(name, loser, 60_000)).toBe(false);
  });

  it("pass to another instance once expired, and at once when released", async () => {
    const name = `lease-${newId()}`;
    expect(await acquireLease(name, "a", 1000)).toBe(true);
    const later = new Date(Date.now() + 2000);
    expect(await acquireLease(name, "b", 1000, later)).toBe(true);
    expect(await acquireLease(name, "a", 1000, later)).toBe(false);
    await releaseLease(name, "b");
    expect(await acquireLease(name, "a", 1000)).toBe(true);
  });
});
