// The preset page's calls to /api/presets, with failures reduced to keys of the "presets.errors" catalogue.
import * as api from "@/lib/api-client/presets";
import type { ApiResult } from "@/lib/api-client/request";
import {
  type PresetData,
  type PresetInput,
  type PresetUpdate,
  presetCreateSchema,
} from "@/lib/presets/schema";

export type ErrorKey =
  | "nameRequired"
  | "nameTooLong"
  | "nameTaken"
  | "promptRequired"
  | "promptTooLong"
  | "notFound"
  | "signedOut"
  | "failed";

/** `code`: the server's stable error code, for the alert's `data-error-code`. */
export type Outcome = { ok: true } | { ok: false; error: ErrorKey; code: string };

/** The first problem with the form's input, checked by the same schema as the server. */
export function validationError(input: PresetInput): ErrorKey | null {
  const issue = presetCreateSchema.safeParse(input).error?.issues[0];
  if (!issue) return null;
  const tooBig = issue.code === "too_big";
  if (issue.path[0] === "name") return tooBig ? "nameTooLong" : "nameRequired";
  return tooBig ? "promptTooLong" : "promptRequired";
}

const KEYS: Partial<Record<string, ErrorKey>> = {
  "not_found:preset": "notFound",
  "unauthorized:auth": "signedOut",
  "conflict:preset_name": "nameTaken",
};

async function outcome(call: Promise<ApiResult<unknown>>): Promise<Outcome> {
  const result = await call;
  return result.ok
    ? { ok: true }
    : { ok: false, error: KEYS[result.failure.code] ?? "failed", code: result.failure.code };
}

export const createPreset = (input: PresetInput) => outcome(api.createPreset(input));
export const updatePreset = (id: string, input: PresetUpdate) => outcome(api.updatePreset(id, input));
export const deletePreset = (id: string) => outcome(api.deletePreset(id));

export async function fetchPresets(): Promise<PresetData[] | null> {
  const result = await api.listPresets();
  return result.ok ? result.data.presets : null;
}
