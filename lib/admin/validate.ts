// Admin request bodies: a refusal carries a stable code and, as its issues, the catalogue keys of
// what was wrong ("admin.errors.<key>"), which the console translates.
import "server-only";
import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { readJson } from "@/lib/http";
import en from "@/lib/i18n/messages/en/admin.json";

const english = en.errors as Record<string, string>;

export async function parseAdminJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const result = schema.safeParse(await readJson(request, { limit: 10_000 }));
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message in english ? issue.message : "invalid",
  }));
  const code: ErrorCode = issues.some((issue) => issue.message.startsWith("budget"))
    ? "bad_request:budget"
    : "bad_request:input";
  throw new AppError(code, issues.map((issue) => english[issue.message] ?? issue.message).join(" "), issues);
}

/** The English refusal of a change, by its code (the console shows the translated one). */
export function refusal(code: "not_found:user" | "conflict:last_admin" | "forbidden:self"): AppError {
  return new AppError(code, english[code] ?? code);
}
