"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { saveSettings } from "@/lib/api-client/settings";

type SaveState = { status: "idle" | "saving" | "saved" } | { status: "failed"; code: string };

/** Saves one setting; the server's error code when refused ("connection_error": no answer). */
async function saveSetting(body: { searchConversations: boolean }): Promise<string | null> {
  const result = await saveSettings(body);
  return result.ok ? null : result.failure.code;
}

/** The switch for the built-in search_conversations tool: saved at once, put back if saving fails. */
export function SearchConversationsSetting({ initial }: { initial: boolean }) {
  const t = useTranslations("chat.settings");
  const [on, setOn] = useState(initial);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const hintId = useId();

  const change = async (next: boolean) => {
    setOn(next);
    setSave({ status: "saving" });
    const code = await saveSetting({ searchConversations: next });
    if (code === null) {
      setSave({ status: "saved" });
      return;
    }
    setOn(!next);
    setSave({ status: "failed", code });
  };

  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-3 font-medium">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          aria-describedby={hintId}
          disabled={save.status === "saving"}
          onChange={(event) => void change(event.target.checked)}
          className="h-4 w-4"
        />
        {t("searchConversations")}
      </label>
      <p id={hintId} className="pl-7 text-sm text-zinc-600 dark:text-zinc-400">
        {t("searchConversationsHint")}
      </p>
      <p role="status" className="min-h-4 pl-7 text-xs text-zinc-500 dark:text-zinc-400">
        {save.status === "saving" && t("saving")}
        {save.status === "saved" && t("saved")}
      </p>
      {save.status === "failed" && (
        <p
          role="alert"
          data-error-code={save.code}
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {t("saveFailed")}
        </p>
      )}
    </div>
  );
}
