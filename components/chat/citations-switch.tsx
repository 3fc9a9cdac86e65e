"use client";

import { Quote } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";

/** The conversation's Citations switch (an icon toggle): documents go to Claude with citations on. */
export function CitationsSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations("chat.citations");
  const hintId = useId();
  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={t("switch")}
        aria-describedby={hintId}
        data-tooltip={t("switch")}
        onClick={() => onChange(!on)}
        className="inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 aria-checked:bg-blue-50 aria-checked:text-blue-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-checked:bg-blue-950 dark:aria-checked:text-blue-300 @max-[28rem]:size-7"
      >
        <Quote aria-hidden="true" className="size-4" />
      </button>
      <span id={hintId} hidden>
        {t("switchHint")}
      </span>
    </>
  );
}
