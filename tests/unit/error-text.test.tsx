// @vitest-environment jsdom
// A refused request reads as the catalogue message of its code, in the reader's language.
import { cleanup, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiFailure } from "@/lib/api-client/request";
import { loadMessages } from "@/lib/i18n/catalogue";
import { useErrorText } from "@/lib/i18n/use-error-text";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

type Failure = Pick<ApiFailure, "code" | "params" | "requestId">;

function Text({ failure }: { failure: Failure }) {
  return <p>{useErrorText()(failure)}</p>;
}

function shown(failure: Failure, locale: "en" | "ja" = "en"): string {
  const { container } = render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      <Text failure={failure} />
    </NextIntlClientProvider>,
  );
  return container.textContent ?? "";
}

const budget = { budgetUsd: 25, resetsAt: "2027-01-01T00:00:00.000Z" };

describe("useErrorText", () => {
  it("fills the budget refusal with the budget and its reset date, in each language", () => {
    expect(shown({ code: "budget_exceeded", params: budget })).toBe(
      "This would exceed your monthly budget of $25.00. It resets on January 1, 2027.",
    );
    const ja = shown({ code: "budget_exceeded", params: budget }, "ja");
    expect(ja).toContain("月間予算 $25.00");
    expect(ja).toContain("2027年1月1日");
  });

  it("says how long to wait after a rate limit", () => {
    expect(shown({ code: "rate_limited:search", params: { retryAfterSeconds: 40 } })).toBe(
      "Too many searches in a short time. Try again in 40 s.",
    );
  });

  it("translates a not-found without the server's English", () => {
    expect(shown({ code: "not_found:conversation", params: {} }, "ja")).toBe(
      "この会話は見つかりません。削除された可能性があります。",
    );
  });

  it("falls back to a generic message naming the code and the request id for unknown codes", () => {
    expect(shown({ code: "http_502", params: {}, requestId: "req-1" })).toBe(
      "The request failed (error http_502). Request id: req-1",
    );
    expect(shown({ code: "teapot:brewing", params: {} }, "ja")).toBe(
      "リクエストが失敗しました（エラー teapot:brewing）。",
    );
  });

  it("falls back to the generic message when the server left out a value", () => {
    expect(shown({ code: "budget_exceeded", params: {} })).toBe(
      "The request failed (error budget_exceeded).",
    );
  });

  it("quotes the request id of a server fault", () => {
    expect(shown({ code: "internal:server", params: {}, requestId: "abc" })).toBe(
      "Something went wrong on the server. Request id: abc",
    );
    expect(shown({ code: "connection_error", params: {} })).toBe(
      "Could not reach the server. Check your connection and try again.",
    );
  });
});
