import { describe, expect, it } from "vitest";
import type { ContentBlock } from "@/lib/chat/content";
import { batchedProgressSaves, type ProgressRow } from "@/lib/chat/progress-batch";

const text = (value: string): ContentBlock[] => [{ type: "text", text: value }];

describe("batchedProgressSaves", () => {
  it("writes the saves asked for within the window together, each reply once with its latest content", async () => {
    const writes: ProgressRow[][] = [];
    const save = batchedProgressSaves(async (rows) => {
      writes.push(rows);
    }, 10);
    const content = text("Hel");
    const saved = [save("a", content, 3), save("b", text("Other"), 7), save("a", text("Hello"), 5)];
    (content[0] as { text: string }).text = "changed after the call";
    await Promise.all(saved);
    expect(writes).toEqual([
      [
        { id: "a", content: JSON.stringify(text("Hello")), seq: 5 },
        { id: "b", content: JSON.stringify(text("Other")), seq: 7 },
      ],
    ]);

    await save("a", text("Hello again"), 9);
    expect(writes).toHaveLength(2);
  });

  it("serializes the content at the call: blocks that grow afterwards do not change what is written", async () => {
    const writes: ProgressRow[][] = [];
    const save = batchedProgressSaves(async (rows) => {
      writes.push(rows);
    }, 10);
    const block = { type: "text", text: "Hel" };
    const saving = save("a", [block as ContentBlock], 3);
    block.text = "Hello, more than seq 3 says";
    await saving;
    expect(writes[0]?.[0]?.content).toBe(JSON.stringify([{ type: "text", text: "Hel" }]));
  });

  it("rejects every save of a batch whose write failed, and goes on with the next batch", async () => {
    let fail = true;
    const save = batchedProgressSaves(async () => {
      if (fail) throw new Error("database is locked");
    }, 5);
    const results = await Promise.allSettled([save("a", text("x"), 1), save("b", text("y"), 1)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(save("a", text("x"), 2)).resolves.toBeUndefined();
  });
});
