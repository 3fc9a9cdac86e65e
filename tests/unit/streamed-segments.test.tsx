// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "@/components/chat/markdown";
import MarkdownRenderer from "@/components/chat/markdown-renderer";
import { advanceSegments, LIVE_BLOCKS, type Segments } from "@/components/chat/streamed-segments";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = await loadMessages("en");
const start: Segments = { frozen: [], frozenText: "", tail: "" };

afterEach(cleanup);

/** Streams `text` in steps of `step` characters, as the chat receives it. */
function stream(text: string, step: number): Segments {
  let segments = start;
  for (let end = step; end < text.length + step; end += step) {
    segments = advanceSegments(segments, text.slice(0, end));
  }
  return segments;
}

const reply = [
  "# Plan\n\n",
  "First paragraph with **bold**.\n\n",
  "- one\n- two\n\n- three\n\n",
  "```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
  "Last words.",
].join("");

describe("advanceSegments", () => {
  it("keeps the text whole: frozen blocks and tail always add up to it", () => {
    for (const step of [1, 3, 17]) {
      const segments = stream(reply, step);
      expect(segments.frozen.join("") + segments.tail).toBe(reply);
      expect(segments.frozenText).toBe(segments.frozen.join(""));
    }
  });

  it("freezes finished blocks and keeps the last ones live", () => {
    const segments = stream(reply, 5);
    expect(segments.frozen).toEqual([
      "# Plan\n\n",
      "First paragraph with **bold**.\n\n",
      "- one\n- two\n\n- three\n\n",
      "```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n",
    ]);
    expect(segments.tail).toBe("| a | b |\n|---|---|\n| 1 | 2 |\n\nLast words.");
  });

  it("never splits inside an open code fence", () => {
    const open = "Intro\n\n```py\nx = 1\n\n\ny = 2\n\n\nz = 3\n";
    const segments = stream(open, 2);
    expect(segments.frozen.every((block) => !block.includes("```"))).toBe(true);
    expect(segments.tail).toContain("```py");
  });

  it("starts over when the text is replaced", () => {
    const first = stream(reply, 7);
    const replaced = advanceSegments(first, "Something else entirely.\n\nTwo.\n\nThree.\n\nFour.");
    expect(replaced.frozen.join("") + replaced.tail).toBe(
      "Something else entirely.\n\nTwo.\n\nThree.\n\nFour.",
    );
    expect(replaced.frozen[0]).toBe("Something else entirely.\n\n");
  });

  it("freezes nothing while there are at most LIVE_BLOCKS blocks", () => {
    const segments = advanceSegments(start, "One.\n\nTwo.");
    expect(LIVE_BLOCKS).toBe(2);
    expect(segments.frozen).toEqual([]);
    expect(segments.tail).toBe("One.\n\nTwo.");
  });
});

function renderer(text: string, streaming: boolean) {
  return (
    <NextIntlClientProvider locale="en" messages={messages}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </NextIntlClientProvider>
  );
}

describe("a streamed reply", () => {
  it("renders the same Markdown in parts as in one piece", () => {
    const { container, rerender } = render(renderer(reply.slice(0, 10), true));
    for (let end = 20; end <= reply.length; end += 10) rerender(renderer(reply.slice(0, end), true));
    rerender(renderer(reply, false));
    expect(container.querySelector(".reply-segments")).not.toBeNull();
    const streamed = {
      h1: container.querySelector("h1")?.textContent,
      items: [...container.querySelectorAll("li")].map((li) => li.textContent),
      code: container.querySelector("pre code")?.textContent,
      cells: [...container.querySelectorAll("td")].map((td) => td.textContent),
      text: container.textContent?.includes("Last words."),
    };
    cleanup();
    const whole = render(renderer(reply, false)).container;
    expect(whole.querySelector(".reply-segments")).toBeNull();
    expect(streamed).toEqual({
      h1: whole.querySelector("h1")?.textContent,
      items: [...whole.querySelectorAll("li")].map((li) => li.textContent),
      code: whole.querySelector("pre code")?.textContent,
      cells: [...whole.querySelectorAll("td")].map((td) => td.textContent),
      text: true,
    });
  });
});

describe("Markdown (the lazily loaded renderer)", () => {
  it("shows the text as it is until the renderer has loaded, then as Markdown", async () => {
    const { container } = render(
      <NextIntlClientProvider locale="en" messages={messages}>
        <Markdown text={"# Title\n\nwords"} streaming={false} />
      </NextIntlClientProvider>,
    );
    expect(container.textContent).toBe("# Title\n\nwords");
    expect(container.querySelector("h1")).toBeNull();
    expect((await screen.findByRole("heading", { name: "Title" })).tagName).toBe("H1");
  });
});
