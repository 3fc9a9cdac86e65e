"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { REGISTRATION_MODES, type RegistrationMode } from "@/lib/admin/schemas";
import { type AdminFailure, changeSettings } from "./api";
import { RefusalText } from "./refusal-text";

const control = "rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

interface Props {
  mode: RegistrationMode;
  defaultBudgetUsd: number | null;
  /** REGISTRATION_OPEN=false closes registration whatever the mode. */
  closedByEnv: boolean;
}

/** Registration mode and the budget new users start with. */
export function RegistrationSettings({ mode: savedMode, defaultBudgetUsd, closedByEnv }: Props) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [mode, setMode] = useState(savedMode);
  const [budget, setBudget] = useState(defaultBudgetUsd === null ? "" : String(defaultBudgetUsd));
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (body: object, what: string) =>
    startTransition(async () => {
      const result = await changeSettings(body);
      setFailure(result.ok ? null : result);
      setSaved(result.ok ? what : null);
      if (result.ok) router.refresh();
    });

  return (
    <section aria-labelledby="admin-registration" className="flex flex-col gap-3">
      <h2 id="admin-registration" className="text-lg font-semibold">
        {t("registration")}
      </h2>
      {closedByEnv && (
        <p className="text-sm text-amber-800 dark:text-amber-200">{t("registrationEnvClosed")}</p>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save({ registrationMode: mode }, "mode");
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("registrationMode")}
          <select
            value={mode}
            onChange={(event) => setMode(event.target.value as RegistrationMode)}
            className={control}
          >
            {REGISTRATION_MODES.map((value) => (
              <option key={value} value={value}>
                {t(`modes.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className={control}>
          {t("saveMode")}
        </button>
        {saved === "mode" && <span className="text-xs text-green-700 dark:text-green-400">{t("saved")}</span>}
      </form>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save({ defaultBudgetUsd: budget }, "budget");
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("defaultBudget")}
          <input
            inputMode="decimal"
            value={budget}
            placeholder={t("noBudget")}
            onChange={(event) => setBudget(event.target.value)}
            className={`${control} w-36`}
          />
        </label>
        <button type="submit" disabled={pending} className={control}>
          {t("saveDefaultBudget")}
        </button>
        {saved === "budget" && (
          <span className="text-xs text-green-700 dark:text-green-400">{t("saved")}</span>
        )}
      </form>
      <RefusalText failure={failure} />
    </section>
  );
}
