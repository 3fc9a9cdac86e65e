import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { budgetSchema, inviteSchema, settingsChangeSchema, userChangeSchema } from "@/lib/admin/schemas";
import { estimateCallUsd, estimateInputTokens } from "@/lib/budget/estimate";
import { budgetLevel, budgetResetsAt, fitsBudget, monthStartUtc } from "@/lib/budget/month";

describe("budget months (UTC)", () => {
  it("starts at the first instant of the month and resets at the next month's", () => {
    const now = new Date("2026-12-31T23:59:59.999Z");
    expect(monthStartUtc(now).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(budgetResetsAt(now).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(budgetResetsAt(new Date("2027-02-01T00:00:00Z")).toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});

describe("fitsBudget", () => {
  it("lets a call through up to the budget exactly, and refuses a micro-dollar more", () => {
    const figures = { budgetUsd: 0.3, spentUsd: 0.1, heldUsd: 0.1 };
    expect(fitsBudget(figures, 0.1)).toBe(true); // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in floats
    expect(fitsBudget(figures, 0.100001)).toBe(false);
  });

  it("counts the holds of calls still running", () => {
    expect(fitsBudget({ budgetUsd: 1, spentUsd: 0, heldUsd: 0.95 }, 0.1)).toBe(false);
    expect(fitsBudget({ budgetUsd: 1, spentUsd: 0, heldUsd: 0 }, 0.1)).toBe(true);
  });

  it("refuses every priced call on a zero budget and none without a budget", () => {
    expect(fitsBudget({ budgetUsd: 0, spentUsd: 0, heldUsd: 0 }, 0.000001)).toBe(false);
    expect(fitsBudget({ budgetUsd: null, spentUsd: 1e6, heldUsd: 0 }, 5)).toBe(true);
  });
});

describe("budgetLevel", () => {
  it("warns from 80 % and reports the budget used up at 100 %", () => {
    expect(budgetLevel(null, 100)).toBe("none");
    expect(budgetLevel(10, 7.99)).toBe("ok");
    expect(budgetLevel(10, 8)).toBe("warning");
    expect(budgetLevel(10, 9.99)).toBe("warning");
    expect(budgetLevel(10, 10)).toBe("exceeded");
    expect(budgetLevel(0, 0)).toBe("exceeded");
  });
});

describe("estimateCallUsd", () => {
  const request = (text: string, extra: object[] = []) =>
    ({
      model: "claude-sonnet-4-6",
      max_tokens: 8192,
      messages: [{ role: "user", content: [...extra, { type: "text", text }] }],
    }) as MessageCreateParamsBase;

  it("counts text by length and each image at its largest, whatever its base64 size", () => {
    const image = {
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "A".repeat(3_000_000) },
    };
    expect(estimateInputTokens(request("x".repeat(3000)))).toBeGreaterThanOrEqual(1000);
    const withImage = estimateInputTokens(request("hi", [image]));
    expect(withImage).toBeGreaterThanOrEqual(1600);
    expect(withImage).toBeLessThan(1700);
  });

  it("prices input and the expected output (at most 1024 tokens) at the model's price", () => {
    // claude-sonnet-4-6: $3 / $15 per million tokens
    const usd = estimateCallUsd(request(""));
    expect(usd).toBeGreaterThan((1024 * 15) / 1e6);
    expect(usd).toBeLessThan((1024 * 15 + 100 * 3) / 1e6);
    expect(estimateCallUsd({ ...request(""), max_tokens: 10 })).toBeLessThan((10 * 15 + 100 * 3) / 1e6);
  });

  it("is 0 for a model with no known price (its cost is recorded, never guessed)", () => {
    expect(estimateCallUsd({ ...request("hello"), model: "no-such-model" })).toBe(0);
  });
});

describe("budget validation", () => {
  const issue = (value: unknown) => {
    const result = budgetSchema.safeParse(value);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it("accepts dollars with cents, zero, and empty for no budget", () => {
    expect(budgetSchema.parse("25")).toBe(25);
    expect(budgetSchema.parse(" 12.50 ")).toBe(12.5);
    expect(budgetSchema.parse(0)).toBe(0);
    expect(budgetSchema.parse("")).toBeNull();
    expect(budgetSchema.parse(null)).toBeNull();
  });

  it("refuses negative, non-numeric, absurd and sub-cent budgets with their reasons", () => {
    expect(issue("-1")).toBe("budgetNegative");
    expect(issue("ten")).toBe("budgetNotNumber");
    expect(issue("Infinity")).toBe("budgetNotNumber");
    expect(issue("1e12")).toBe("budgetTooLarge");
    expect(issue("0.001")).toBe("budgetCents");
  });

  it("takes one change at a time with known values only", () => {
    expect(userChangeSchema.safeParse({ change: "role", role: "owner" }).success).toBe(false);
    expect(userChangeSchema.safeParse({ change: "status", status: "disabled" }).success).toBe(true);
    expect(userChangeSchema.safeParse({ change: "budget", monthlyBudgetUsd: "-5" }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ registrationMode: "invite" }).success).toBe(true);
    expect(settingsChangeSchema.safeParse({ registrationMode: "sometimes" }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ registrationMode: "open", defaultBudgetUsd: 5 }).success).toBe(
      false,
    );
  });

  it("bounds invite uses and expiry", () => {
    expect(inviteSchema.parse({ maxUses: "3", expiresInHours: "72" })).toEqual({
      maxUses: 3,
      expiresInHours: 72,
    });
    expect(inviteSchema.safeParse({ maxUses: 0, expiresInHours: 1 }).success).toBe(false);
    expect(inviteSchema.safeParse({ maxUses: 1.5, expiresInHours: 1 }).success).toBe(false);
    expect(inviteSchema.safeParse({ maxUses: 1, expiresInHours: 0 }).success).toBe(false);
    expect(inviteSchema.safeParse({ maxUses: 1, expiresInHours: 24 * 91 }).success).toBe(false);
  });
});
