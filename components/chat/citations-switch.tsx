"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/** The conversation's Citations switch: documents go to Claude with citations on. */
export function CitationsSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations("chat.citations");
  const hintId = useId();
  return (
    <label className="flex items-center gap-1.5 text-xs" title={t("switchHint")}>
      <input
        type="checkbox"
        role="switch"
        checked={on}
        aria-checked={on}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
        className="h-3.5 w-3.5"
      />
      <span>{t("switch")}</span>
      <span id={hintId} hidden>
        {t("switchHint")}
      </span>
    </label>
  );
}
