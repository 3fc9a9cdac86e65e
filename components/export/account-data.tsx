"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { isErrorBody } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/export/limits";

const rowClass = "block cursor-pointer rounded-md px-3 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** The sidebar footer's data tools: import a conversation export, download everything. */
export function AccountData() {
  const t = useTranslations("search");
  const router = useRouter();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function importFile(file: File) {
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t("importTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    setBusy(true);
    try {
      const response = await fetch("/api/import", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: await file.text(),
      });
      const body = (await response.json().catch(() => null)) as unknown;
      if (!response.ok || typeof body !== "object" || body === null || !("id" in body)) {
        setError(
          t("importFailed", { reason: isErrorBody(body) ? body.error.message : String(response.status) }),
        );
        return;
      }
      router.push(`/c/${String(body.id)}`);
      router.refresh();
    } catch {
      setError(t("importFailed", { reason: "network" }));
    } finally {
      setBusy(false);
    }
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
        <p role="alert" className="px-3 py-1 text-xs text-red-600">
          {error}
        </p>
      )}
      <a href="/api/export" download className={rowClass}>
        {t("exportAll")}
      </a>
    </div>
  );
}
