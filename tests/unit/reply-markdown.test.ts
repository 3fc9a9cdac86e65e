import { describe, expect, it } from "vitest";
import { replyMarkdown } from "@/lib/export/markdown";

describe("replyMarkdown (Copy as Markdown)", () => {
  it("joins the reply's text pieces and leaves out thinking and tool calls", () => {
    expect(
      replyMarkdown([
        { type: "thinking", thinking: "private reasoning", signature: "sig" },
        { type: "text", text: "# Plan\n\nFirst " },
        { type: "tool_use", id: "toolu_1", name: "get_weather", input: {} },
        { type: "text", text: "and **second**." },
      ]),
    ).toBe("# Plan\n\nFirst and **second**.");
  });

  it("turns document citations into footnotes and web citations into one list of sources", () => {
    const markdown = replyMarkdown([
      { type: "text", text: "The launch is on 3 May" },
      {
        type: "text",
        text: ".",
        citations: [
          {
            type: "char_location",
            cited_text: "The launch is on 3 May.",
            document_index: 0,
            document_title: "plan.txt",
            start_char_index: 0,
            end_char_index: 23,
          },
          {
            type: "web_search_result_location",
            url: "https://example.com/a",
            title: "A [page]",
            cited_text: "x",
          },
          {
            type: "web_search_result_location",
            url: "https://example.com/a",
            title: "A [page]",
            cited_text: "y",
          },
        ],
      },
    ]);
    expect(markdown).toBe(
      [
        "The launch is on 3 May.[^1]",
        "*Sources: [A page](https://example.com/a)*",
        "[^1]: plan.txt, characters 1–23: “The launch is on 3 May.”",
      ].join("\n\n"),
    );
  });
});
