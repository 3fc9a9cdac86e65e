// Every stable error code has a message in English and Japanese, and the messages use only the
// values the server sends with that code.
import { describe, expect, it } from "vitest";
import { BudgetExceededError } from "@/lib/budget/errors";
import { budgetRefusal } from "@/lib/chat/budget";
import { AppError, type ErrorCode, errorParams, errorStatus } from "@/lib/errors";
import en from "@/lib/i18n/messages/en/errors.json";
import ja from "@/lib/i18n/messages/ja/errors.json";

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

describe("the params the server sends", () => {
  it("include the budget and its reset with budget_exceeded", () => {
    const refusal = budgetRefusal(new BudgetExceededError(5, new Date("2027-01-01T00:00:00Z")));
    expect(Object.keys(refusal.toBody().error.params ?? {}).sort()).toEqual(
      [...errorParams.budget_exceeded].sort(),
    );
  });

  it("include the seconds to wait with every retryable refusal", () => {
    const refusal = AppError.retryable("rate_limited:chat", "Slow down.", 12.2);
    expect(refusal.toBody().error.params).toEqual({ retryAfterSeconds: 13 });
    expect(refusal.headers).toEqual({ "retry-after": "13" });
  });
});
