import { describe, expect, it } from "vitest";
import { validationError } from "@/components/presets/api";
import { locales } from "@/lib/i18n/locales";
import {
  PRESET_NAME_MAX,
  PRESET_PROMPT_MAX,
  presetCreateSchema,
  presetUpdateSchema,
} from "@/lib/presets/schema";
import { STARTER_PRESETS } from "@/lib/presets/starters";

const valid = { name: "Reviewer", prompt: "Review the code.", isDefault: false };
const messages = (value: unknown) =>
  presetCreateSchema
    .safeParse(value)
    .error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("presetCreateSchema", () => {
  it("trims the name, keeps the prompt as written and defaults isDefault to false", () => {
    expect(presetCreateSchema.parse({ name: "  Reviewer ", prompt: "  Be brief.\n" })).toEqual({
      name: "Reviewer",
      prompt: "  Be brief.\n",
      isDefault: false,
    });
  });

  it("requires a name and a prompt with clear messages", () => {
    expect(messages({ ...valid, name: "   " })).toEqual(["name: Enter a name."]);
    expect(messages({ ...valid, prompt: " \n " })).toEqual(["prompt: Enter a prompt."]);
  });

  it("caps the name at 100 and the prompt at 100,000 characters", () => {
    expect(presetCreateSchema.safeParse({ ...valid, name: "n".repeat(PRESET_NAME_MAX) }).success).toBe(true);
    expect(messages({ ...valid, name: "n".repeat(PRESET_NAME_MAX + 1) })).toEqual([
      "name: The name must be at most 100 characters.",
    ]);
    expect(presetCreateSchema.safeParse({ ...valid, prompt: "p".repeat(PRESET_PROMPT_MAX) }).success).toBe(
      true,
    );
    expect(messages({ ...valid, prompt: "p".repeat(PRESET_PROMPT_MAX + 1) })).toEqual([
      "prompt: The prompt must be at most 100000 characters.",
    ]);
  });

  it("rejects wrong types and unknown fields", () => {
    expect(presetCreateSchema.safeParse({ ...valid, isDefault: "yes" }).success).toBe(false);
    expect(presetCreateSchema.safeParse({ ...valid, userId: "someone-else" }).success).toBe(false);
  });
});

describe("presetUpdateSchema", () => {
  it("accepts any subset of the fields, validated the same way", () => {
    expect(presetUpdateSchema.parse({ isDefault: true })).toEqual({ isDefault: true });
    expect(presetUpdateSchema.parse({ name: " New " })).toEqual({ name: "New" });
    expect(presetUpdateSchema.safeParse({ name: "" }).success).toBe(false);
  });

  it("rejects an empty update and unknown fields", () => {
    expect(presetUpdateSchema.safeParse({}).success).toBe(false);
    expect(presetUpdateSchema.safeParse({ id: "x" }).success).toBe(false);
  });
});

describe("validationError (the form's check)", () => {
  it("names the first problem as a catalogue key", () => {
    expect(validationError(valid)).toBeNull();
    expect(validationError({ ...valid, name: " " })).toBe("nameRequired");
    expect(validationError({ ...valid, name: "n".repeat(101) })).toBe("nameTooLong");
    expect(validationError({ ...valid, prompt: "" })).toBe("promptRequired");
    expect(validationError({ ...valid, prompt: "p".repeat(100_001) })).toBe("promptTooLong");
  });
});

describe("starter presets", () => {
  it.each(Object.entries(STARTER_PRESETS))(
    "in %s are valid presets with distinct names and real prompts",
    (_locale, presets) => {
      expect(presets.length).toBeGreaterThanOrEqual(3);
      expect(new Set(presets.map((preset) => preset.name)).size).toBe(presets.length);
      for (const preset of presets) {
        expect(presetCreateSchema.safeParse(preset).success).toBe(true);
        expect(preset.prompt.length).toBeGreaterThan(200);
      }
    },
  );

  it("exist for every locale, in that locale's language", () => {
    expect(Object.keys(STARTER_PRESETS).sort()).toEqual([...locales].sort());
    expect(STARTER_PRESETS.ja.filter((preset) => /[ぁ-んァ-ン]/.test(preset.name))).not.toHaveLength(0);
  });
});
