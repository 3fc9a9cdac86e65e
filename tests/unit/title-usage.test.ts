// The title call after a first reply is billed: its usage reaches the ledger as kind "title", with
// the cost of the model that answered, or null when that model has no known price.
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type DoubleHandle, startDouble } from "../double/server";

const { recorded, retitled } = vi.hoisted(() => ({
  recorded: [] as Record<string, unknown>[],
  retitled: [] as string[],
}));

vi.mock("@/lib/db/usage", () => ({
  recordUsage: vi.fn(async (entry: Record<string, unknown>) => {
    recorded.push(entry);
    return { id: "usage-1" };
  }),
}));
vi.mock("@/lib/db/conversations", () => ({
  replaceInitialTitle: vi.fn(async (_id: string, _initial: string, title: string) => {
    retitled.push(title);
    return { count: 1 };
  }),
}));

const { retitleConversation } = await import("@/lib/chat/title-service");

describe("retitleConversation", () => {
  let double: DoubleHandle;
  let client: Anthropic;
  beforeAll(async () => {
    double = await startDouble();
    client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
  });
  afterAll(() => double.close());
  beforeEach(() => {
    recorded.length = 0;
    retitled.length = 0;
  });

  const target = { userId: "user-1", conversationId: "conv-1" };
  const first = (userText: string) => ({ title: "Provisional", userText });

  it("records the title call in the ledger with its tokens and cost, then replaces the title", async () => {
    await retitleConversation(
      client,
      "claude-haiku-4-5-20251001",
      target,
      first("Plan a trip [[double:text?text=Kyoto%20trip&input=300&output=4]]"),
      "Sure.",
    );
    expect(retitled).toEqual(["Kyoto trip"]);
    expect(recorded).toHaveLength(1);
    const entry = recorded[0] as { usage: { inputTokens: number; outputTokens: number } } & Record<
      string,
      unknown
    >;
    expect(entry).toMatchObject({
      userId: "user-1",
      conversationId: "conv-1",
      messageId: null,
      kind: "title",
      model: "claude-haiku-4-5-20251001",
    });
    expect(entry.requestId).toMatch(/^req_/);
    expect(entry.usage.inputTokens).toBe(300);
    expect(entry.usage.outputTokens).toBe(4);
    // Haiku 4.5: $1 input, $5 output per million tokens.
    expect(entry.costUsd).toBeCloseTo((300 * 1 + 4 * 5) / 1_000_000, 12);
  });

  it("records an unpriced model's call with cost null, even when its answer is no usable title", async () => {
    await retitleConversation(
      client,
      "test-unpriced",
      target,
      first("Hi [[double:text?text=%20&input=50&output=1]]"),
      "Hello.",
    );
    expect(retitled).toEqual([]);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: "title", model: "test-unpriced", costUsd: null });
  });

  it("records nothing when the call fails", async () => {
    await retitleConversation(
      client,
      "claude-haiku-4-5-20251001",
      target,
      first("x [[double:error:500]]"),
      "y",
    );
    expect(recorded).toHaveLength(0);
    expect(retitled).toEqual([]);
  });
});
