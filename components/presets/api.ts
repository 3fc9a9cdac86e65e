// The preset page's calls to /api/presets, with failures reduced to keys of the "presets.errors" catalogue.
import { isErrorBody } from "@/lib/errors";
import {
  DUPLICATE_NAME_MESSAGE,
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

export type Outcome = { ok: true } | { ok: false; error: ErrorKey };

/** The first problem with the form's input, checked by the same schema as the server. */
export function validationError(input: PresetInput): ErrorKey | null {
  const issue = presetCreateSchema.safeParse(input).error?.issues[0];
  if (!issue) return null;
  const tooBig = issue.code === "too_big";
  if (issue.path[0] === "name") return tooBig ? "nameTooLong" : "nameRequired";
  return tooBig ? "promptTooLong" : "promptRequired";
}

function errorKey(body: unknown): ErrorKey {
  if (!isErrorBody(body)) return "failed";
  const { code, issues } = body.error;
  if (code === "not_found:preset") return "notFound";
  if (code === "unauthorized:auth") return "signedOut";
  if (issues?.some((issue) => issue.message === DUPLICATE_NAME_MESSAGE)) return "nameTaken";
  return "failed";
}

async function send(path: string, method: string, body?: unknown): Promise<Outcome> {
  try {
    const response = await fetch(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (response.ok) return { ok: true };
    const text = await response.text();
    return { ok: false, error: errorKey(text ? JSON.parse(text) : null) };
  } catch {
    return { ok: false, error: "failed" };
  }
}

export const createPreset = (input: PresetInput) => send("/api/presets", "POST", input);
export const updatePreset = (id: string, input: PresetUpdate) => send(`/api/presets/${id}`, "PATCH", input);
export const deletePreset = (id: string) => send(`/api/presets/${id}`, "DELETE");

export async function fetchPresets(): Promise<PresetData[] | null> {
  try {
    const response = await fetch("/api/presets", { cache: "no-store" });
    return response.ok ? ((await response.json()) as { presets: PresetData[] }).presets : null;
  } catch {
    return null;
  }
}
