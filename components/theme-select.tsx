"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SunMoonIcon } from "@/components/ui/icons";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** System / Light / Dark: applies at once, and the server renders later pages in it (a cookie). */
export function ThemeSelect({ initial }: { initial: Theme }) {
  const t = useTranslations("nav");
  const id = useId();
  const [theme, setTheme] = useState(initial);
  return (
    <div className="flex items-center justify-between gap-2 px-2.5 py-1.5 text-sm text-zinc-800 dark:text-zinc-200">
      <label htmlFor={id} className="flex items-center gap-2.5">
        <SunMoonIcon aria-hidden="true" className="size-4 text-zinc-500 dark:text-zinc-400" />
        {t("theme")}
      </label>
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
        className="rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 text-sm dark:border-zinc-600 dark:bg-zinc-900"
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
