"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Range } from "@/lib/usage/period";

/**
 * The Period combobox (a GET form, so it works before hydration). A preset range applies at once;
 * Custom shows From and To. The browser's time zone rides along as `tz`.
 */
export function PeriodPicker({
  range,
  from,
  to,
  timeZone,
}: {
  range: Range;
  from: string;
  to: string;
  /** The zone the server used; when it is not the browser's the page is asked again in the browser's. */
  timeZone: string;
}) {
  const t = useTranslations("usage");
  const router = useRouter();
  const pathname = usePathname();
  const [chosen, setChosen] = useState<Range>(range);
  const [browserZone, setBrowserZone] = useState(timeZone);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setBrowserZone(zone);
    if (zone && zone !== timeZone) {
      const params = new URLSearchParams(window.location.search);
      params.set("tz", zone);
      router.replace(`${pathname}?${params}`);
    }
  }, [timeZone, pathname, router]);

  const apply = (next: Range) => {
    setChosen(next);
    if (next !== "custom")
      router.push(`${pathname}?${new URLSearchParams({ range: next, tz: browserZone })}`);
  };

  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="tz" value={browserZone} />
      <label className="flex flex-col gap-1 text-sm">
        {t("period")}
        <select
          name="range"
          value={chosen}
          onChange={(event) => apply(event.target.value as Range)}
          className="rounded-md border border-zinc-300 bg-transparent px-2 py-1.5 dark:border-zinc-600"
        >
          <option value="month">{t("thisMonth")}</option>
          <option value="30d">{t("last30Days")}</option>
          <option value="custom">{t("custom")}</option>
        </select>
      </label>
      {chosen === "custom" && (
        <>
          <label className="flex flex-col gap-1 text-sm">
            {t("from")}
            <input
              type="date"
              name="from"
              defaultValue={from}
              required
              className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-600"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("to")}
            <input
              type="date"
              name="to"
              defaultValue={to}
              required
              className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-600"
            />
          </label>
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("show")}
          </button>
        </>
      )}
    </form>
  );
}
