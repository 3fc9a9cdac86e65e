// Every stable error code has a message in English and Japanese, and the messages use only the
// values the server sends with that code.
import { describe, expect, it } from "vitest";
import { BudgetExceededError } from "@/lib/budget/errors";
import { budgetRefusal } from "@/lib/chat/budget";
import { AppError, type ErrorCode, errorParams, errorStatus } from "@/lib/errors";
import en from "@/lib/i18n/messages/en/errors.json";
import ja from "@/lib/i18n/messages/ja/errors.json";
import { type UploadKind, uploadProblems, uploadRefusalCodes } from "@/lib/uploads/problems";
import { documentRefusal, fileTooLarge, imageRefusal } from "@/lib/uploads/refusals";

const catalogues = { en, ja } as Record<string, unknown>;
const codes = Object.keys(errorStatus) as ErrorCode[];

function message(locale: string, code: string): unknown {
  return code
    .split(":")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], catalogues[locale]);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((match) => match[1] ?? "");
}

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("the error catalogue", () => {
  it.each(["en", "ja"])("has a %s message for every error code", (locale) => {
    const missing = codes.filter((code) => typeof message(locale, code) !== "string");
    expect(missing).toEqual([]);
  });

  it("has the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it.each(["en", "ja"])("fills %s messages only with the params the server sends for the code", (locale) => {
    const unsupplied = codes.flatMap((code) => {
      const sent: readonly string[] =
        (errorParams as Partial<Record<ErrorCode, readonly string[]>>)[code] ?? [];
      return placeholders(String(message(locale, code)))
        .filter((name) => !sent.includes(name))
        .map((name) => `${code}: {${name}}`);
    });
    expect(unsupplied).toEqual([]);
  });

  it("names the values of the codes that send some", () => {
    expect(placeholders(en.budget_exceeded).sort()).toEqual(["budgetUsd", "resetsAt"]);
    expect(placeholders(ja.rate_limited.chat)).toEqual(["retryAfterSeconds"]);
  });
});

describe("the messages of refused uploads", () => {
  const problems = Object.entries(uploadProblems).flatMap(([kind, named]) =>
    Object.entries(named).map(([problem, values]) => ({
      kind,
      problem,
      values: values as readonly string[],
    })),
  );

  it.each(["en", "ja"])("has a %s message for every problem and none for unknown ones", (locale) => {
    const catalogue = (catalogues[locale] as { upload: unknown }).upload;
    expect(keys(catalogue).sort()).toEqual(problems.map(({ kind, problem }) => `${kind}.${problem}`).sort());
  });

  it.each(["en", "ja"])("fills %s messages only with the values the problem sends", (locale) => {
    for (const { kind, problem, values } of problems) {
      const text = String(message(locale, `upload:${kind}:${problem}`));
      expect(placeholders(text).filter((name) => !values.includes(name))).toEqual([]);
    }
  });

  it("has Japanese messages without English words (format names and Claude aside)", () => {
    const names = ["SVG", "JPEG", "PNG", "GIF", "WebP", "PDF", "UTF", "Claude", "MB"];
    const english = problems.flatMap(({ kind, problem }) => {
      // Placeholders and ICU branches out, e.g. "{frames, plural, =1 {} other {（# フレーム）}}".
      const text = String(message("ja", `upload:${kind}:${problem}`)).replace(
        /\{\w+(?:,(?:[^{}]|\{[^{}]*\})*)?\}/g,
        "",
      );
      return (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !names.includes(word));
    });
    expect(english).toEqual([]);
  });
});

describe("the params the server sends", () => {
  it("include the budget and its reset with budget_exceeded", () => {
    const refusal = budgetRefusal(new BudgetExceededError(5, new Date("2027-01-01T00:00:00Z")));
    expect(Object.keys(refusal.toBody().error.params ?? {}).sort()).toEqual(
      [...errorParams.budget_exceeded].sort(),
    );
  });

  it("include the kind, the problem and exactly its values with every refused upload", () => {
    const refusals = [
      fileTooLarge(32 * 1024 * 1024),
      ...(Object.keys(uploadProblems.image) as (keyof typeof uploadProblems.image)[]).map((problem) =>
        imageRefusal({ ok: false, problem, width: 9000, height: 9000, frames: 2 }),
      ),
      ...(Object.keys(uploadProblems.document) as (keyof typeof uploadProblems.document)[]).map((problem) =>
        documentRefusal("report.pdf", { ok: false, problem, pages: 120, limit: 100 }),
      ),
    ];
    const sent = refusals.map((refusal) => {
      const { code, params = {} } = refusal.toBody().error;
      expect(uploadRefusalCodes).toContain(code);
      const { kind, problem, ...values } = params;
      const wanted: readonly string[] =
        (uploadProblems[kind as UploadKind] as Record<string, readonly string[]>)[String(problem)] ?? [];
      expect(Object.keys(values).sort()).toEqual([...wanted].sort());
      return `${kind}.${problem}`;
    });
    expect(sent).toEqual(
      Object.entries(uploadProblems).flatMap(([kind, named]) =>
        Object.keys(named).map((problem) => `${kind}.${problem}`),
      ),
    );
    expect(imageRefusal({ ok: false, problem: "pixel_cap", width: 8000, height: 8000 }).params).toEqual({
      kind: "image",
      problem: "pixel_cap",
      width: 8000,
      height: 8000,
      frames: 1,
      megapixels: 64,
      maxMegapixels: 50,
    });
  });

  it("include the seconds to wait with every retryable refusal", () => {
    const refusal = AppError.retryable("rate_limited:chat", "Slow down.", 12.2);
    expect(refusal.toBody().error.params).toEqual({ retryAfterSeconds: 13 });
    expect(refusal.headers).toEqual({ "retry-after": "13" });
  });
});
