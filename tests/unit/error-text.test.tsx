// @vitest-environment jsdom
// A refused request reads as the catalogue message of its code, in the reader's language.
import { cleanup, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiFailure } from "@/lib/api-client/request";
import { loadMessages } from "@/lib/i18n/catalogue";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { refusalReason, UploadError } from "@/lib/images/upload-browser";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

type Failure = Pick<ApiFailure, "code" | "params" | "requestId">;

function Text({ failure }: { failure: Failure }) {
  return <p>{useErrorText()(failure)}</p>;
}

function Reason({ error }: { error: UploadError }) {
  return <p>{refusalReason(error, useErrorText())}</p>;
}

function inLocale(node: ReactNode, locale: "en" | "ja"): string {
  const { container } = render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );
  return container.textContent ?? "";
}

function shown(failure: Failure, locale: "en" | "ja" = "en"): string {
  return inLocale(<Text failure={failure} />, locale);
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

/** What the attachments route sends for an SVG (lib/uploads/refusals.ts). */
const svg = new UploadError(
  415,
  "SVG images are not accepted. Send a JPEG, PNG, GIF or WebP image.",
  "unsupported_media_type:image",
  { kind: "image", problem: "svg" },
);

describe("refused uploads", () => {
  it("read as the catalogue sentence of the problem the server named, never the server's English", () => {
    expect(inLocale(<Reason error={svg} />, "en")).toBe(
      "SVG images are not accepted. Send a JPEG, PNG, GIF or WebP image.",
    );
    const ja = inLocale(<Reason error={svg} />, "ja");
    expect(ja).toBe("SVG 画像は添付できません。JPEG、PNG、GIF、WebP の画像を送ってください。");
    expect(ja).not.toMatch(/accepted|Send/);
  });

  it.each([
    [
      { code: "bad_request:input", params: { kind: "document", problem: "empty", name: "notes.md" } },
      "“notes.md” is empty.",
      "「notes.md」は空のファイルです。",
    ],
    [
      {
        code: "bad_request:input",
        params: { kind: "document", problem: "too_many_pages", name: "book.pdf", pages: 120, limit: 100 },
      },
      "“book.pdf” has 120 pages; Claude reads at most 100 pages of a PDF per message.",
      "「book.pdf」は 120 ページあります。Claude が 1 つのメッセージで読める PDF は 100 ページまでです。",
    ],
    [
      {
        code: "payload_too_large:input",
        params: { kind: "document", problem: "too_large", name: "log.txt", limitMb: 2 },
      },
      "“log.txt” is larger than 2 MB, the limit for this kind of file.",
      "「log.txt」はこの種類のファイルの上限 2 MB を超えています。",
    ],
    [
      {
        code: "unsupported_media_type:document",
        params: { kind: "document", problem: "not_text", name: "a.zip" },
      },
      "“a.zip” is neither an image, a PDF nor a UTF-8 text file.",
      "「a.zip」は画像、PDF、UTF-8 のテキストファイルのいずれでもありません。",
    ],
    [
      {
        code: "bad_request:input",
        params: {
          kind: "image",
          problem: "pixel_cap",
          width: 4000,
          height: 4000,
          frames: 4,
          megapixels: 64,
          maxMegapixels: 50,
        },
      },
      "The image is 4000×4000 px in 4 frames, 64 megapixels in all; at most 50 megapixels are accepted.",
      "画像のサイズは 4000×4000 ピクセル（4 フレーム）で、合計 64 メガピクセルです。受け付けられるのは 50 メガピクセルまでです。",
    ],
    [
      {
        code: "bad_request:input",
        params: {
          kind: "image",
          problem: "pixel_cap",
          width: 8000,
          height: 8000,
          frames: 1,
          megapixels: 64,
          maxMegapixels: 50,
        },
      },
      "The image is 8000×8000 px, 64 megapixels in all; at most 50 megapixels are accepted.",
      "画像のサイズは 8000×8000 ピクセルで、合計 64 メガピクセルです。受け付けられるのは 50 メガピクセルまでです。",
    ],
    [
      { code: "payload_too_large:input", params: { kind: "file", problem: "too_large", limitMb: 30 } },
      "The file is larger than 30 MB.",
      "ファイルが 30 MB を超えています。",
    ],
  ])("%j reads in English and Japanese", (failure, english, japanese) => {
    expect(shown(failure)).toBe(english);
    expect(shown(failure, "ja")).toBe(japanese);
  });

  it("fall back to the code's message for an unknown problem, a missing value or another code", () => {
    expect(shown({ code: "bad_request:input", params: { kind: "image", problem: "cursed" } }, "ja")).toBe(
      "送信した内容に正しくないものがあります。確認してもう一度お試しください。",
    );
    expect(shown({ code: "bad_request:input", params: { kind: "video", problem: "empty" } })).toBe(
      "Some of what was sent is not valid. Check it and try again.",
    );
    expect(shown({ code: "bad_request:input", params: { kind: "document", problem: "empty" } })).toBe(
      "Some of what was sent is not valid. Check it and try again.",
    );
    expect(shown({ code: "not_found:file", params: { kind: "image", problem: "svg" } })).toBe(
      "This file was not found.",
    );
    expect(inLocale(<Reason error={new UploadError(502, "Bad gateway")} />, "en")).toBe(
      "The request failed (error http_502).",
    );
  });
});
