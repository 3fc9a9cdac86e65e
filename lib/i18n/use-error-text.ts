"use client";

// Turns a refused request into the reader's language: the catalogue message of its code
// (lib/i18n/messages/<locale>/errors.json), filled with the server's params, formatted here. A refused
// upload that names its problem (lib/uploads/problems.ts) gets that problem's message instead.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ApiFailure } from "@/lib/api-client/request";
import { errorParams, isErrorCode } from "@/lib/errors";
import { uploadProblemOf } from "@/lib/uploads/problems";

type Failure = Pick<ApiFailure, "code" | "params" | "requestId">;
type Formatter = ReturnType<typeof useFormatter>;

/** A param as shown: amounts (`…Usd`) as dollars, instants (`…At`) as dates, the rest as sent. */
function formatted(name: string, value: string | number, format: Formatter): string | number {
  if (name.endsWith("Usd") && typeof value === "number")
    return format.number(value, { style: "currency", currency: "USD" });
  if (name.endsWith("At") && typeof value === "string") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  }
  return value;
}

/** The values a code's message needs, formatted; null when the server left one out. */
function valuesFor(failure: Failure, format: Formatter): Record<string, string | number> | null {
  const names: readonly string[] =
    isErrorCode(failure.code) && failure.code in errorParams
      ? errorParams[failure.code as keyof typeof errorParams]
      : [];
  const values: Record<string, string | number> = {};
  for (const name of names) {
    const value = failure.params[name];
    if (value === undefined) return null;
    values[name] = formatted(name, value, format);
  }
  return values;
}

/** (failure) → its message; an unknown code, or one without its values, gets the generic message. */
export function useErrorText() {
  const t = useTranslations("errors");
  const format = useFormatter();
  return useCallback(
    (failure: Failure): string => {
      if (failure.code === "connection_error") return t("connection_error");
      const upload = uploadProblemOf(failure);
      if (upload) return t(upload.key, upload.values);
      const values = isErrorCode(failure.code) ? valuesFor(failure, format) : null;
      const text = values ? t(failure.code.replace(":", "."), values) : t("generic", { code: failure.code });
      // A fault of the server: the request id lets an admin find it in the log.
      const fault = !values || failure.code.startsWith("internal:");
      return fault && failure.requestId ? `${text} ${t("requestId", { id: failure.requestId })}` : text;
    },
    [t, format],
  );
}
