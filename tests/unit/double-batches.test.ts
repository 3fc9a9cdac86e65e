// The double's Message Batches API through the SDK: validation like the real API (400), progress over
// retrieves, JSONL results whose items succeed, error or expire as their markers ask, and cancel.
import Anthropic, { type APIError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test-key", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());

const request = (custom_id: string, text: string) => ({
  custom_id,
  params: {
    model: "claude-sonnet-4-6",
    max_tokens: 256,
    messages: [{ role: "user" as const, content: text }],
  },
});

async function status(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as APIError).status;
  }
}

async function results(id: string) {
  const out = [];
  for await (const line of await client.messages.batches.results(id)) out.push(line);
  return out;
}

describe("Message Batches in the double", () => {
  it("refuses bad custom ids, duplicates and bad params with 400", async () => {
    const create = (requests: unknown[]) =>
      status(client.messages.batches.create({ requests } as Anthropic.Messages.BatchCreateParams));
    expect(await create([request("has space", "hi")])).toBe(400);
    expect(await create([request("a".repeat(65), "hi")])).toBe(400);
    expect(await create([request("a", "hi"), request("a", "ho")])).toBe(400);
    expect(await create([{ custom_id: "a", params: { model: "claude-sonnet-4-6", messages: [] } }])).toBe(
      400,
    );
    expect(await create([])).toBe(400);
    expect(await create([request("ok_1", "hi")])).toBe(200);
  });

  it("moves from in_progress to ended over retrieves, then serves JSONL results", async () => {
    const batch = await client.messages.batches.create({
      requests: [
        request("r1", "Hello there"),
        request("r2", "Fail [[double:error:500]]"),
        request("r3", "Late [[double:expire]]"),
      ],
    });
    expect(batch.processing_status).toBe("in_progress");
    expect(batch.request_counts.processing).toBe(3);
    expect(batch.results_url).toBeNull();
    const first = await client.messages.batches.retrieve(batch.id);
    expect(first.processing_status).toBe("in_progress");
    expect(first.request_counts.processing).toBe(2);
    await client.messages.batches.retrieve(batch.id);
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.processing_status).toBe("ended");
    expect(ended.request_counts).toEqual({
      processing: 0,
      succeeded: 1,
      errored: 1,
      canceled: 0,
      expired: 1,
    });
    const lines = await results(batch.id);
    expect(lines.map((l) => [l.custom_id, l.result.type])).toEqual([
      ["r1", "succeeded"],
      ["r2", "errored"],
      ["r3", "expired"],
    ]);
    const ok = lines[0]?.result;
    if (ok?.type !== "succeeded") throw new Error("expected success");
    expect(ok.message.usage.input_tokens).toBeGreaterThan(0);
    expect(ok.message.usage.output_tokens).toBeGreaterThan(0);
    expect(ok.message.content[0]?.type).toBe("text");
  });

  it("cancels: the items not done end canceled", async () => {
    const batch = await client.messages.batches.create({
      requests: [request("a", "one"), request("b", "two"), request("c", "three")],
    });
    const canceling = await client.messages.batches.cancel(batch.id);
    expect(canceling.processing_status).toBe("canceling");
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.processing_status).toBe("ended");
    expect(ended.request_counts.canceled).toBe(3);
    expect((await results(batch.id)).every((l) => l.result.type === "canceled")).toBe(true);
  });

  it("answers 404 for an unknown batch", async () => {
    expect(await status(client.messages.batches.retrieve("msgbatch_nope"))).toBe(404);
  });
});
