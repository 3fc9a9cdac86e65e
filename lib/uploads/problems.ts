// Why the attachments route refused a file, in machine-readable form: its error body's params carry
// `kind` and `problem` plus the values listed here, which are the only placeholders the problem's
// catalogue message (`errors.upload.<kind>.<problem>` in lib/i18n/messages/<locale>/errors.json) uses.
// The server builds these refusals in lib/uploads/refusals.ts; the browser reads them with uploadProblemOf.
import type { ErrorCode } from "@/lib/errors";

export const uploadProblems = {
  /** Refused before its kind was known: the request itself was over the cap. */
  file: { too_large: ["limitMb"] },
  image: {
    empty: [],
    too_large: ["limitMb"],
    svg: [],
    unsupported: [],
    damaged: [],
    too_many_pixels: ["width", "height", "maxSide"],
    pixel_cap: ["width", "height", "frames", "megapixels", "maxMegapixels"],
  },
  document: {
    empty: ["name"],
    too_large: ["name", "limitMb"],
    encrypted: ["name"],
    damaged: ["name"],
    too_many_pages: ["name", "pages", "limit"],
    not_text: ["name"],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

type Problems = typeof uploadProblems;
export type UploadKind = keyof Problems;
export type UploadProblem<K extends UploadKind> = keyof Problems[K] & string;
/** The values a problem's message needs, by name. */
export type UploadProblemValues<K extends UploadKind, P extends UploadProblem<K>> = Record<
  Problems[K][P] extends readonly (infer Name extends string)[] ? Name : never,
  string | number
>;

/** The codes a refused upload is sent with; other codes never name an upload problem. */
export const uploadRefusalCodes = [
  "bad_request:input",
  "payload_too_large:input",
  "unsupported_media_type:image",
  "unsupported_media_type:document",
] as const satisfies readonly ErrorCode[];
export type UploadRefusalCode = (typeof uploadRefusalCodes)[number];

/**
 * The catalogue key (under `errors`) and the values of a refusal that names a known upload problem
 * with all its values; null for any other failure (its code's own message applies).
 */
export function uploadProblemOf(failure: {
  code: string;
  params: Record<string, string | number>;
}): { key: string; values: Record<string, string | number> } | null {
  if (!(uploadRefusalCodes as readonly string[]).includes(failure.code)) return null;
  const { kind, problem } = failure.params;
  if (typeof kind !== "string" || !Object.hasOwn(uploadProblems, kind)) return null;
  const problems: Record<string, readonly string[]> = uploadProblems[kind as UploadKind];
  if (typeof problem !== "string" || !Object.hasOwn(problems, problem)) return null;
  const values: Record<string, string | number> = {};
  for (const name of problems[problem] ?? []) {
    const value = failure.params[name];
    if (value === undefined) return null;
    values[name] = value;
  }
  return { key: `upload.${kind}.${problem}`, values };
}
