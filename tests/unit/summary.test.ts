import { describe, expect, it } from "vitest";
import { summaryInput, summaryRequest } from "@/lib/chat/summary";
import { draftFromSummary } from "@/lib/chat/summary-draft";

const text = (value: string) => ({ type: "text", text: value });

describe("summaryInput", () => {
  it("keeps the text of user and assistant turns, oldest first, and skips everything else", () => {
    const input = summaryInput([
      { role: "user", content: [text("Plan a trip to Kyoto"), { type: "image", source: { type: "url" } }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "secret reasoning", signature: "sig" },
          { type: "server_tool_use", id: "t1", name: "web_search", input: { query: "kyoto" } },
          { type: "web_search_tool_result", tool_use_id: "t1", content: [] },
          text("Day 1: Fushimi Inari."),
        ],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "t2", content: "tool output" }] },
      { role: "assistant", content: [{ type: "redacted_thinking", data: "xyz" }] },
      { role: "system", content: [text("not a turn")] },
    ]);
    expect(input).toEqual({
      transcript: "User: Plan a trip to Kyoto\n\nAssistant: Day 1: Fushimi Inari.",
      truncated: false,
    });
  });

  it("keeps the newest turns that fit the character budget", () => {
    const messages = Array.from({ length: 10 }, (_, i) => ({
      role: i % 2 === 0 ? "user" : "assistant",
      content: [text(`turn ${i} ${"x".repeat(80)}`)],
    }));
    const input = summaryInput(messages, 300);
    expect(input.truncated).toBe(true);
    expect(input.transcript.length).toBeLessThanOrEqual(300);
    // Whole turns of about 95 characters: the newest three fit.
    expect(input.transcript.startsWith("Assistant: turn 7")).toBe(true);
    expect(input.transcript).toContain("User: turn 8");
    expect(input.transcript.endsWith(`turn 9 ${"x".repeat(80)}`)).toBe(true);
    expect(input.transcript).not.toContain("turn 6");
  });

  it("cuts a single turn longer than the budget from its start", () => {
    const input = summaryInput([{ role: "user", content: [text(`start ${"y".repeat(500)} end`)] }], 100);
    expect(input.truncated).toBe(true);
    expect(input.transcript).toHaveLength(100);
    expect(input.transcript.startsWith("…")).toBe(true);
    expect(input.transcript.endsWith(" end")).toBe(true);
  });

  it("is empty for a conversation without text", () => {
    expect(
      summaryInput([{ role: "assistant", content: [{ type: "thinking", thinking: "t" }] }]).transcript,
    ).toBe("");
  });
});

describe("summaryRequest", () => {
  it("asks the given model for a bounded summary of the transcript, noting a cut", () => {
    const request = summaryRequest("claude-haiku-4-5", { transcript: "User: hi", truncated: true });
    expect(request.model).toBe("claude-haiku-4-5");
    expect(request.max_tokens).toBeLessThanOrEqual(2048);
    expect(request.system).toMatch(/decisions/);
    const content = request.messages[0]?.content as string;
    expect(content).toContain("<conversation>\nUser: hi\n</conversation>");
    expect(content).toContain("left out");
  });
});

describe("draftFromSummary", () => {
  it("puts the summary first and the typed message after it", () => {
    expect(draftFromSummary("Summary of our earlier conversation:", " Facts. ", "Next question")).toBe(
      "Summary of our earlier conversation:\n\nFacts.\n\nNext question\n",
    );
  });
});
