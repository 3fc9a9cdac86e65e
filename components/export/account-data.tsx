"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { importConversation } from "@/lib/api-client/account";
import { MAX_IMPORT_BYTES } from "@/lib/export/limits";
import { useErrorText } from "@/lib/i18n/use-error-text";

const rowClass = "block cursor-pointer rounded-md px-3 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** The sidebar footer's data tools: import a conversation export, download everything. */
export function AccountData() {
  const t = useTranslations("search");
  const errorText = useErrorText();
  const router = useRouter();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string>();

  async function importFile(file: File) {
    setError(null);
    setErrorCode(undefined);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t("importTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    setBusy(true);
    const text = await file.text().catch(() => null);
    const result = text === null ? null : await importConversation(text);
    setBusy(false);
    if (!result?.ok || typeof result.data?.id !== "string") {
      setErrorCode(result && !result.ok ? result.failure.code : undefined);
      setError(t("importFailed", { reason: result && !result.ok ? errorText(result.failure) : "?" }));
      return;
    }
    router.push(`/c/${result.data.id}`);
    router.refresh();
  }

  return (
    <div>
      <label htmlFor={inputId} className={rowClass}>
        {busy ? t("importing") : t("importConversation")}
      </label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void importFile(file);
        }}
      />
      {error && (
        <p role="alert" data-error-code={errorCode} className="px-3 py-1 text-xs text-red-600">
          {error}
        </p>
      )}
      <a href="/api/export" download className={rowClass}>
        {t("exportAll")}
      </a>
    </div>
  );
}
