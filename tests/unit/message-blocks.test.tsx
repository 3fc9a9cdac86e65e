// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MessageBlocks } from "@/components/chat/blocks/message-blocks";
import type { ContentBlock } from "@/lib/chat/content";
import { loadMessages } from "@/lib/i18n/catalogue";

// The real Markdown, with its renders recorded: finished blocks must not re-render while a later one streams.
const renders = vi.hoisted(() => [] as { text: string; streaming: boolean }[]);
vi.mock(import("@/components/chat/markdown"), async () => {
  const eager = await import("../support/markdown-eager");
  return {
    ...eager,
    Markdown: (props: { text: string; streaming: boolean }) => {
      renders.push(props);
      return eager.Markdown(props);
    },
  };
});

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);
beforeEach(() => {
  renders.length = 0;
});

function blocks(content: (ContentBlock | undefined)[], streaming = false, locale: "en" | "ja" = "en") {
  return (
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <MessageBlocks content={content} streaming={streaming} />
    </NextIntlClientProvider>
  );
}

const search = (id: string, query: string): ContentBlock => ({
  type: "tool_use",
  id,
  name: "search_conversations",
  input: { query },
});

const result = (id: string, text: string, isError = false): ContentBlock => ({
  type: "tool_result",
  tool_use_id: id,
  content: [{ type: "text", text }],
  ...(isError ? { is_error: true } : {}),
});

const hits = {
  query: "pasta",
  results: [
    {
      title: "Dinner ideas",
      snippet: "a <b>carbonara</b> recipe",
      url: "/c/conv_1?m=msg_9#m-msg_9",
      date: "2026-03-04T10:00:00.000Z",
    },
    { title: "Elsewhere", snippet: "", url: "/c/conv_2", date: "not a date" },
  ],
};

const typeOf = (element: Element | null) => element?.getAttribute("data-block-type");

describe("MessageBlocks", () => {
  it("marks every rendered block with its type, in order", () => {
    const { container } = render(
      blocks([
        { type: "thinking", thinking: "Hmm." },
        { type: "text", text: "Hello **there**" },
        { type: "redacted_thinking" },
        { type: "web_search_tool_result", tool_use_id: "srv_1", content: [] },
      ]),
    );
    expect([...container.children].map(typeOf)).toEqual([
      "thinking",
      "text",
      "redacted_thinking",
      "web_search_tool_result",
    ]);
    expect(container.querySelector('[data-block-type="text"]')?.textContent).toBe("Hello there");
  });

  it("shows thinking collapsed, named exactly Thinking", () => {
    const { container } = render(blocks([{ type: "thinking", thinking: "Step one." }]));
    const details = container.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("Thinking");
    expect(details.textContent).toContain("Step one.");
  });

  it("marks thinking in progress without changing its name", () => {
    const { container } = render(blocks([{ type: "thinking", thinking: "" }], true));
    const details = container.querySelector("details")!;
    expect(details.getAttribute("aria-busy")).toBe("true");
    const summary = details.querySelector("summary")!;
    expect(summary.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(summary.firstElementChild!.textContent).toBe("Thinking");
    expect(details.textContent).not.toContain("not shown");
  });

  it("notes thinking the model did not show", () => {
    render(blocks([{ type: "thinking", thinking: "", signature: "sig" }]));
    expect(screen.getByText("Thinking was not shown by the model.")).toBeDefined();
  });

  it("names Thinking in Japanese", () => {
    const { container } = render(blocks([{ type: "thinking", thinking: "x" }], false, "ja"));
    expect(container.querySelector("summary")!.textContent).toBe("思考");
  });

  it("shows one neutral line for a run of redacted thinking", () => {
    const { container } = render(
      blocks([
        { type: "redacted_thinking" },
        { type: "redacted_thinking", data: "x" },
        { type: "text", text: "Hi" },
      ]),
    );
    expect(container.querySelectorAll('[data-block-type="redacted_thinking"]')).toHaveLength(1);
    expect(container.textContent).toContain("Some of Claude's reasoning was encrypted for safety.");
    expect(container.textContent).not.toContain("x");
  });

  it("summarises a conversation search and lists its hits as app links", () => {
    const { container } = render(blocks([search("t1", "pasta"), result("t1", JSON.stringify(hits))]));
    const card = container.querySelector('[data-block-type="tool_use"]')!;
    expect(container.children).toHaveLength(1);
    expect(card.tagName).toBe("DETAILS");
    expect(card.querySelector("summary")!.textContent).toBe(
      "Searched your conversations for “pasta” · 2 results",
    );
    const inner = card.querySelector('[data-block-type="tool_result"]')!;
    const links = inner.querySelectorAll("a");
    expect(links).toHaveLength(2);
    expect(links[0]!.getAttribute("href")).toBe("/c/conv_1?m=msg_9#m-msg_9");
    expect(links[0]!.textContent).toBe("Dinner ideas");
    expect(inner.querySelector("time")!.getAttribute("dateTime")).toBe("2026-03-04T10:00:00.000Z");
    expect(inner.querySelector("time")!.textContent).toBe("Mar 4, 2026");
    // Snippets are text: markup in them stays literal.
    expect(inner.querySelector("b")).toBeNull();
    expect(inner.textContent).toContain("a <b>carbonara</b> recipe");
    expect(links[1]!.getAttribute("href")).toBe("/c/conv_2");
    expect(inner.querySelectorAll("time")).toHaveLength(1); // "not a date" is not shown as one
  });

  it("never links a result that points out of the app: it is shown as plain text", () => {
    const outside = {
      query: "pasta",
      results: [{ title: "Elsewhere", snippet: "", url: "https://evil.example/", date: "d" }],
    };
    const { container } = render(blocks([search("t1", "pasta"), result("t1", JSON.stringify(outside))]));
    const inner = container.querySelector('[data-block-type="tool_result"]')!;
    expect(inner.querySelectorAll("a")).toHaveLength(0);
    expect(inner.textContent).toContain("https://evil.example/");
  });

  it.each([
    [0, "no results"],
    [1, "1 result"],
  ])("counts %i hits in words", (count, words) => {
    const one = { query: "q", results: hits.results.slice(0, count) };
    const { container } = render(blocks([search("t1", "q"), result("t1", JSON.stringify(one))]));
    expect(container.querySelector("summary")!.textContent).toBe(
      `Searched your conversations for “q” · ${words}`,
    );
    if (count === 0) expect(container.textContent).toContain("No matching conversations.");
  });

  it("says a search is running until its result comes", () => {
    const { container } = render(blocks([search("t1", "pasta")], true));
    expect(container.querySelector("summary")!.textContent).toBe("Searching your conversations for “pasta”…");
  });

  it("does not claim a search still runs once the reply has ended", () => {
    const { container } = render(blocks([search("t1", "pasta")], false));
    expect(container.querySelector("summary")!.textContent).toBe("Searched your conversations for “pasta”");
  });

  it("shows a failed search's error in plain words", () => {
    const { container } = render(
      blocks([search("t1", "pasta"), result("t1", "The search index is busy.", true)]),
    );
    expect(container.querySelector("summary")!.textContent).toBe(
      "Searching your conversations for “pasta” failed",
    );
    const inner = container.querySelector('[data-block-type="tool_result"]')!;
    expect(inner.hasAttribute("data-tool-error")).toBe(true);
    expect(inner.textContent).toBe("The search index is busy.");
  });

  it("summarises a search in Japanese", () => {
    const { container } = render(
      blocks([search("t1", "パスタ"), result("t1", JSON.stringify(hits))], false, "ja"),
    );
    expect(container.querySelector("summary")!.textContent).toBe(
      "あなたの会話から「パスタ」を検索しました · 2 件",
    );
  });

  it("shows another tool's input as JSON, and its result, in one card", () => {
    const { container } = render(
      blocks([
        { type: "tool_use", id: "t2", name: "get_weather", input: { city: "Kyoto", days: 2 } },
        result("t2", "Sunny"),
      ]),
    );
    expect(container.children).toHaveLength(1);
    const card = container.querySelector('[data-block-type="tool_use"]')!;
    expect(card.getAttribute("data-tool-name")).toBe("get_weather");
    expect(card.querySelector("summary")!.textContent).toBe("Used tool get_weather");
    expect(card.querySelector("pre")!.textContent).toBe('{\n  "city": "Kyoto",\n  "days": 2\n}');
    expect(card.querySelector('[data-block-type="tool_result"]')!.textContent).toContain("Sunny");
  });

  it("shows a tool result whose call is not in the message on its own", () => {
    const { container } = render(blocks([result("elsewhere", "42")]));
    const alone = container.querySelector('[data-block-type="tool_result"]')!;
    expect(alone.parentElement).toBe(container);
    expect(alone.textContent).toContain("Tool result");
    expect(alone.textContent).toContain("42");
  });

  it("names unsupported block types without rendering their data", () => {
    const { container } = render(
      blocks([
        { type: "<img src=x onerror=alert(1)>", html: "<script>alert(1)</script>" },
        { type: "container_upload", file_id: "f" },
      ]),
    );
    expect([...container.children].map((element) => element.textContent)).toEqual([
      "Unsupported content (<img src=x onerror=alert(1)>)",
      "Unsupported content (container_upload)",
    ]);
    expect(container.querySelector("img, script")).toBeNull();
  });

  it("survives malformed blocks: holes, missing fields, wrong types", () => {
    const { container } = render(
      blocks([
        undefined,
        { type: "text", text: 42 } as unknown as ContentBlock,
        { type: "thinking" } as unknown as ContentBlock,
        { type: "tool_use", name: 7 },
        { type: "tool_use", id: "t9", name: "search_conversations", input: null },
        result("t9", "{not json"),
        { type: "tool_result", content: "no id" },
      ]),
    );
    expect([...container.children].map(typeOf)).toEqual(["thinking", "tool_use", "tool_use", "tool_result"]);
    expect(container.textContent).toContain("{not json");
  });

  it("keeps raw HTML in text as text", () => {
    const { container } = render(blocks([{ type: "text", text: "<script>alert(1)</script>" }]));
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toBe("<script>alert(1)</script>");
  });

  it("re-renders only the streaming block as a reply grows", () => {
    const first: ContentBlock = { type: "text", text: "First step." };
    const call = search("t1", "pasta");
    const view = (second: string) =>
      blocks([first, call, result("t1", JSON.stringify(hits)), { type: "text", text: second }], true);
    const { rerender, container } = render(view("A"));
    expect(renders.map((props) => [props.text, props.streaming])).toEqual([
      ["First step.", false],
      ["A", true],
    ]);
    renders.length = 0;
    rerender(view("AB"));
    rerender(view("ABC"));
    expect(renders.map((props) => [props.text, props.streaming])).toEqual([
      ["AB", true],
      ["ABC", true],
    ]);
    expect(container.textContent).toContain("First step.");
  });

  it("keeps cited text and server tool cards from re-rendering as a later block streams", () => {
    const cited: ContentBlock = {
      type: "text",
      text: "Cited.",
      citations: [
        {
          type: "web_search_result_location",
          url: "https://a.example/",
          title: "A",
          cited_text: "c",
          encrypted_index: "e",
        },
      ],
    };
    const call: ContentBlock = {
      type: "server_tool_use",
      id: "s1",
      name: "web_search",
      input: { query: "q" },
    };
    const found: ContentBlock = { type: "web_search_tool_result", tool_use_id: "s1", content: [] };
    const view = (last: string) => blocks([call, found, cited, { type: "text", text: last }], true);
    const { rerender, container } = render(view("A"));
    renders.length = 0;
    rerender(view("AB"));
    expect(renders.map((props) => props.text)).toEqual(["AB"]);
    expect(container.querySelector('[data-citation="1"]')?.getAttribute("href")).toBe("https://a.example/");
  });
});
