import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/presets.json";
import ja from "@/lib/i18n/messages/ja/presets.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("presets catalogue", () => {
  it("has the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it("uses the contract's English names", () => {
    expect(en).toMatchObject({ newPreset: "New preset", name: "Name", prompt: "Prompt", save: "Save" });
    expect(en.delete).toBe("Delete");
  });
});
