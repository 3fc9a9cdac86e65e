// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { UsageLine } from "@/components/chat/usage-line";
import { loadMessages } from "@/lib/i18n/catalogue";

const en = await loadMessages("en");

import { costUsd, type TokenUsage } from "@/lib/pricing/cost";

afterEach(cleanup);

const usage: TokenUsage = {
  inputTokens: 2048,
  outputTokens: 503,
  cacheReadTokens: 1800,
  cacheWriteTokens: 248,
  cacheWrite1hTokens: 100,
};

function renderLine(tokens: TokenUsage, cost: number | null) {
  const { container } = render(
    <NextIntlClientProvider locale="en" messages={en}>
      <UsageLine usage={tokens} costUsd={cost} />
    </NextIntlClientProvider>,
  );
  const line = container.querySelector<HTMLElement>("[data-usage]");
  expect(line).not.toBeNull();
  return line!;
}

describe("UsageLine", () => {
  it("shows token counts and the cost", () => {
    const line = renderLine(usage, costUsd("claude-opus-4-8", usage));
    expect(line.textContent).toBe("in 2,048 · out 503 · cache read 1,800 · cache write 248 · $0.02564");
    expect(line.className).toContain("text-xs");
  });

  it("carries the numbers as data attributes", () => {
    const line = renderLine(usage, 0.02564);
    expect({ ...line.dataset }).toEqual({
      usage: "",
      inputTokens: "2048",
      outputTokens: "503",
      cacheReadTokens: "1800",
      cacheWriteTokens: "248",
      costUsd: "0.02564",
    });
  });

  it("writes tiny and round costs as plain decimals", () => {
    expect(renderLine(usage, 0.000042).dataset.costUsd).toBe("0.000042");
    cleanup();
    expect(renderLine(usage, 3e-7).dataset.costUsd).toBe("0.0000003");
    cleanup();
    expect(renderLine(usage, 2).dataset.costUsd).toBe("2");
    cleanup();
    expect(renderLine(usage, 0).dataset.costUsd).toBe("0");
  });

  it("says the cost is unknown when there is no price", () => {
    const line = renderLine({ ...usage, inputTokens: 1_234_567 }, null);
    expect(line.textContent).toBe(
      "in 1,234,567 · out 503 · cache read 1,800 · cache write 248 · cost unknown",
    );
    expect(line.dataset.costUsd).toBe("");
    expect(line.dataset.inputTokens).toBe("1234567");
  });
});

describe("UsageLine: thinking tokens", () => {
  it("names the thinking part of the output and carries it as data-thinking-tokens", () => {
    const line = renderLine({ ...usage, outputTokens: 1503, thinkingTokens: 1200 }, 0.02564);
    expect(line.textContent).toBe(
      "in 2,048 · out 1,503 (1,200 thinking) · cache read 1,800 · cache write 248 · $0.02564",
    );
    expect(line.dataset.thinkingTokens).toBe("1200");
    expect(line.dataset.outputTokens).toBe("1503");
  });

  it("says nothing of thinking when there was none", () => {
    const line = renderLine({ ...usage, thinkingTokens: 0 }, 0.02564);
    expect(line.textContent).toBe("in 2,048 · out 503 · cache read 1,800 · cache write 248 · $0.02564");
    expect(line.hasAttribute("data-thinking-tokens")).toBe(false);
  });

  it("shows thinking tokens in Japanese too", async () => {
    const ja = await loadMessages("ja");
    const { container } = render(
      <NextIntlClientProvider locale="ja" messages={ja}>
        <UsageLine usage={{ ...usage, thinkingTokens: 300 }} costUsd={null} />
      </NextIntlClientProvider>,
    );
    expect(container.textContent).toContain("（うち思考 300）");
  });
});

describe("UsageLine: web searches", () => {
  it("counts searches in the text and as data-web-search-requests; the cost already includes them", () => {
    const line = renderLine({ ...usage, webSearchRequests: 2 }, 0.04564);
    expect(line.textContent).toBe(
      "in 2,048 · out 503 · cache read 1,800 · cache write 248 · $0.04564 · 2 searches",
    );
    expect(line.dataset.webSearchRequests).toBe("2");
    expect(line.dataset.costUsd).toBe("0.04564");
  });

  it("says one search in the singular, and counts page fetches", () => {
    const line = renderLine({ ...usage, webSearchRequests: 1, webFetchRequests: 3 }, 0.01);
    expect(line.textContent).toMatch(/ · 1 search · 3 fetches$/);
    expect(line.dataset.webFetchRequests).toBe("3");
  });

  it("says nothing of searches when there were none", () => {
    const line = renderLine({ ...usage, webSearchRequests: 0 }, 0.02564);
    expect(line.textContent).not.toContain("search");
    expect(line.hasAttribute("data-web-search-requests")).toBe(false);
    expect(line.hasAttribute("data-web-fetch-requests")).toBe(false);
  });

  it("counts searches in Japanese", async () => {
    const ja = await loadMessages("ja");
    const { container } = render(
      <NextIntlClientProvider locale="ja" messages={ja}>
        <UsageLine usage={{ ...usage, webSearchRequests: 2 }} costUsd={0.02} />
      </NextIntlClientProvider>,
    );
    expect(container.textContent).toMatch(/ · 検索 2 回$/);
  });
});
