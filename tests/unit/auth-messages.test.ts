import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/auth.json";
import ja from "@/lib/i18n/messages/ja/auth.json";

const translate = (locale: "en" | "ja") =>
  createTranslator({ locale, messages: { auth: locale === "en" ? en : ja }, namespace: "auth.errors" });

describe("sign-in and registration messages", () => {
  it("show the wait in seconds or minutes, in English and Japanese", () => {
    expect(translate("en")("throttled", { amount: 30, unit: "s" })).toBe(
      "Too many attempts. Try again in 30 s.",
    );
    expect(translate("en")("throttled", { amount: 15, unit: "min" })).toBe(
      "Too many attempts. Try again in 15 min.",
    );
    expect(translate("ja")("throttled", { amount: 30, unit: "s" })).toBe(
      "試行回数が多すぎます。30秒後にもう一度お試しください。",
    );
    expect(translate("ja")("throttled", { amount: 15, unit: "min" })).toBe(
      "試行回数が多すぎます。15分後にもう一度お試しください。",
    );
  });

  it("have the same keys in both languages and never say that an account exists", () => {
    expect(Object.keys(ja.errors).sort()).toEqual(Object.keys(en.errors).sort());
    expect(en.errors.registrationRefused).not.toMatch(/exist/i);
    expect(JSON.stringify(en.errors)).not.toMatch(/already exists/i);
  });
});
