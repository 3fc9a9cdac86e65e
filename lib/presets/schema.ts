// Validation shared by the preset routes and the preset form (which shows the same rules translated).
import { z } from "@/lib/zod";

export const PRESET_NAME_MAX = 100;
export const PRESET_PROMPT_MAX = 100_000;
export const DUPLICATE_NAME_MESSAGE = "A preset with this name already exists.";

const name = z
  .string()
  .trim()
  .min(1, { message: "Enter a name." })
  .max(PRESET_NAME_MAX, { message: `The name must be at most ${PRESET_NAME_MAX} characters.` });

const prompt = z
  .string()
  .max(PRESET_PROMPT_MAX, { message: `The prompt must be at most ${PRESET_PROMPT_MAX} characters.` })
  .refine((value) => value.trim().length > 0, { message: "Enter a prompt." });

export const presetCreateSchema = z.object({ name, prompt, isDefault: z.boolean().default(false) }).strict();

export const presetUpdateSchema = z
  .object({ name, prompt, isDefault: z.boolean() })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to update." });

export type PresetInput = z.infer<typeof presetCreateSchema>;
export type PresetUpdate = z.infer<typeof presetUpdateSchema>;

/** What the page and the API show of a preset. */
export interface PresetData {
  id: string;
  name: string;
  prompt: string;
  isDefault: boolean;
}
