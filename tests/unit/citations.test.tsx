// @vitest-environment jsdom
import { cleanup, fireEvent, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { citationNumbers, citedSources } from "@/components/chat/blocks/citations";
import { MessageBlocks } from "@/components/chat/blocks/message-blocks";
import type { ContentBlock } from "@/lib/chat/content";
import { loadMessages } from "@/lib/i18n/catalogue";

vi.mock(import("@/components/chat/markdown"), () => import("../support/markdown-eager"));

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

function renderBlocks(content: ContentBlock[], locale: "en" | "ja" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <MessageBlocks content={content} streaming={false} messageId="msg_1" />
    </NextIntlClientProvider>,
  ).container;
}

const web = (url: string, citedText: string, title = "Tides") => ({
  type: "web_search_result_location",
  url,
  title,
  cited_text: citedText,
  encrypted_index: "x",
});
const pages = (documentIndex: number, start: number, end: number, citedText: string) => ({
  type: "page_location",
  document_index: documentIndex,
  document_title: "Annual report",
  cited_text: citedText,
  start_page_number: start,
  end_page_number: end,
});
const chars = (documentIndex: number, start: number, end: number, citedText: string) => ({
  type: "char_location",
  document_index: documentIndex,
  document_title: null,
  cited_text: citedText,
  start_char_index: start,
  end_char_index: end,
});
const cited = (text: string, citations: unknown[]): ContentBlock => ({ type: "text", text, citations });

const markers = (container: Element) =>
  [...container.querySelectorAll("[data-citation]")].map((marker) => [
    marker.tagName,
    marker.getAttribute("data-citation"),
    marker.textContent,
  ]);

describe("citation numbers", () => {
  it("numbers each distinct source once per message, in order of first appearance", () => {
    const content: (ContentBlock | undefined)[] = [
      { type: "text", text: "Intro. " },
      cited("High tide is at 6.", [web("https://a.example/", "6 am"), web("https://b.example/", "six")]),
      undefined,
      cited("Low tide at noon.", [web("https://b.example/", "noon"), web("https://a.example/", "12")]),
      cited("See the report.", [pages(0, 3, 4, "p3"), chars(1, 0, 20, "c"), pages(0, 3, 4, "again")]),
      cited("And page 5.", [pages(0, 5, 6, "p5")]),
    ];
    expect([...citationNumbers(content).entries()]).toEqual([
      [1, "1,2"],
      [3, "2,1"],
      [4, "3,4"],
      [5, "5"],
    ]);
  });

  it("merges what one source says within a block and skips citations it cannot read", () => {
    const sources = citedSources(
      cited("x", [
        web("https://a.example/", "one"),
        { type: "mystery" },
        null,
        web("https://a.example/", "two"),
      ]),
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]!.citedTexts).toEqual(["one", "two"]);
  });
});

describe("citation markers", () => {
  it("follows cited text with numbered links to the pages, the cited text in the tooltip", () => {
    const container = renderBlocks([
      cited("High tide is at **6**.", [web("https://a.example/tides", "High tide 6:02", "Tide table")]),
      cited("Low tide at noon.", [web("https://b.example/", "noon"), web("https://a.example/tides", "6:02")]),
    ]);
    const first = container.querySelector('[data-block-type="text"]')!;
    expect(first.textContent).toMatch(/^High tide is at 6\.\[1\]$/); // Markdown as before, then the marker
    expect(markers(container)).toEqual([
      ["A", "1", "[1]"],
      ["A", "2", "[2]"],
      ["A", "1", "[1]"],
    ]);
    const link = container.querySelector('[data-citation="1"]')!;
    expect(link.getAttribute("href")).toBe("https://a.example/tides");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(link.getAttribute("title")).toBe("Tide table\n“High tide 6:02”");
  });

  it("never links a page whose URL is not http(s)", () => {
    const container = renderBlocks([cited("x", [web("javascript:alert(1)", "bad")])]);
    expect(container.querySelector("a")).toBeNull();
    expect(container.querySelector("button[data-citation]")?.textContent).toBe("[1]");
  });

  it("shows a document's cited passage, title and pages from a button", () => {
    const container = renderBlocks([
      cited("Revenue grew.", [pages(0, 3, 5, "Revenue grew <b>12%</b>.")]),
      cited("Costs fell.", [chars(1, 10, 52, "Costs fell.")]),
    ]);
    const [pageMarker, charMarker] = [
      ...container.querySelectorAll<HTMLButtonElement>("button[data-citation]"),
    ];
    expect(pageMarker!.getAttribute("aria-expanded")).toBe("false");
    expect(pageMarker!.getAttribute("title")).toBe("Annual report\n“Revenue grew <b>12%</b>.”");
    fireEvent.click(pageMarker!);
    expect(pageMarker!.getAttribute("aria-expanded")).toBe("true");
    const detail = container.querySelector('[data-citation-detail="1"]')!;
    expect(detail.textContent).toBe("Annual reportPages 3–4Revenue grew <b>12%</b>.");
    expect(detail.querySelector("b")).toBeNull();
    fireEvent.click(pageMarker!);
    expect(container.querySelector("[data-citation-detail]")).toBeNull();

    fireEvent.click(charMarker!);
    expect(container.querySelector('[data-citation-detail="2"]')!.textContent).toBe(
      "Document 2Characters 11–52Costs fell.",
    );
  });

  it("names a single page, in Japanese too", () => {
    const container = renderBlocks([cited("x", [pages(0, 7, 8, "p")])], "ja");
    fireEvent.click(container.querySelector("button[data-citation]")!);
    expect(container.querySelector("[data-citation-detail]")!.textContent).toContain("7 ページ");
  });

  it("adds nothing to text without citations", () => {
    const container = renderBlocks([{ type: "text", text: "Plain" }, cited("Empty list", [])]);
    expect(container.querySelector("[data-citation]")).toBeNull();
  });
});
