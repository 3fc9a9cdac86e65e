import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/batches.json";
import ja from "@/lib/i18n/messages/ja/batches.json";

const translate = (locale: "en" | "ja") =>
  createTranslator({ locale, messages: { batches: locale === "en" ? en : ja }, namespace: "batches" });

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("batch page messages", () => {
  it("have the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it("show the template placeholders literally", () => {
    expect(translate("en")("templateHint")).toBe(
      "{{text}} is the item; {{column}} any other column of a CSV or JSONL.",
    );
    expect(translate("ja")("templateHint")).toContain("{{text}}");
  });

  it("say why items could not be read, naming the line", () => {
    const t = translate("en");
    expect(t("errors.items", { reason: t("reasons.bad_jsonl", { line: 4 }) })).toBe(
      "The items could not be read: line 4 is not a JSON object.",
    );
    expect(translate("ja")("progress", { done: 3, total: 20 })).toBe("20 件中 3 件完了");
  });
});
