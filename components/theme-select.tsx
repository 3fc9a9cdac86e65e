"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** System / Light / Dark: applies at once, and the server renders later pages in it (a cookie). */
export function ThemeSelect({ initial }: { initial: Theme }) {
  const t = useTranslations("nav");
  const id = useId();
  const [theme, setTheme] = useState(initial);
  return (
    <div className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
      <label htmlFor={id}>{t("theme")}</label>
      <select
        id={id}
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
          if (next === "system") delete document.documentElement.dataset.theme;
          else document.documentElement.dataset.theme = next;
        }}
        className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-600"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`themes.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
