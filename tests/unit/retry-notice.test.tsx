// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RetryCountdown, useRateLimitedCause } from "@/components/chat/retry-notice";
import type { RetryNotice } from "@/lib/chat/protocol";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

function inLocale(locale: "en" | "ja", children: ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      {children}
    </NextIntlClientProvider>,
  );
}

const notice: RetryNotice = {
  attempt: 1,
  retryAfterSeconds: 3,
  reason: "rate_limited",
  limit: "input_tokens",
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("RetryCountdown", () => {
  it("counts down the seconds to the retry, naming the limit", () => {
    inLocale("en", <RetryCountdown notice={notice} />);
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("Rate limited — retrying in 3 s(input tokens per minute limit reached)");
    act(() => vi.advanceTimersByTime(1000));
    expect(status.textContent).toContain("Rate limited — retrying in 2 s");
    expect(status.dataset.retryIn).toBe("2");
    act(() => vi.advanceTimersByTime(2000));
    expect(status.textContent).toContain("Retrying now");
  });

  it("speaks Japanese, and names other causes", () => {
    inLocale("ja", <RetryCountdown notice={notice} />);
    expect(screen.getByRole("status").textContent).toContain("レート制限中 — 3 秒後に再試行します");
    cleanup();
    inLocale("en", <RetryCountdown notice={{ ...notice, reason: "overloaded", limit: null }} />);
    expect(screen.getByRole("status").textContent).toBe("Claude is overloaded — retrying in 3 s");
  });
});

function Cause({ params }: { params?: Record<string, string | number> }) {
  return <p>{useRateLimitedCause()(params)}</p>;
}

describe("the rate_limited error", () => {
  it("names the limit and when it resets, in English and Japanese", () => {
    const params = { limit: "output_tokens", resetsAt: "2026-12-01T10:00:42Z" };
    const { container } = inLocale("en", <Cause params={params} />);
    expect(container.textContent).toBe(
      "Rate limited by the API: the output tokens per minute limit was reached. It resets at 10:00:42 AM.",
    );
    cleanup();
    const ja = inLocale("ja", <Cause params={params} />).container;
    expect(ja.textContent).toContain("1 分あたりの出力トークン数");
    expect(ja.textContent).toContain("10:00:42 にリセットされます");
  });

  it("says the spend cap, and only 'rate limited' without values", () => {
    expect(inLocale("en", <Cause params={{ limit: "spend" }} />).container.textContent).toBe(
      "The organisation's monthly API spend limit was reached.",
    );
    cleanup();
    expect(inLocale("en", <Cause />).container.textContent).toBe("Rate limited by the API.");
  });
});
