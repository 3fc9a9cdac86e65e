"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ROLES } from "@/lib/admin/schemas";
import { type AdminFailure, changeUser } from "./api";
import { RefusalText } from "./refusal-text";

export interface UserRowData {
  id: string;
  email: string;
  role: string;
  status: string;
  monthlyBudgetUsd: number | null;
  createdAt: string;
  lastActiveAt: string | null;
  monthToDateUsd: number;
}

const cell = "px-2 py-1.5 align-top";
const control = "rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** One user of the admin table: role, enable / disable and the monthly budget, each saved on its own. */
export function UserRow({ user, isSelf }: { user: UserRowData; isSelf: boolean }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const router = useRouter();
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [budget, setBudget] = useState(user.monthlyBudgetUsd === null ? "" : String(user.monthlyBudgetUsd));
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const apply = (body: object, after?: () => void) =>
    startTransition(async () => {
      setSaved(false);
      const result = await changeUser(user.id, body);
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(null);
      after?.();
      router.refresh();
    });

  const usd = (value: number) =>
    format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 4 });
  const date = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  const disabled = user.status === "disabled";
  return (
    <tr
      data-user-email={user.email}
      data-user-status={user.status}
      className="border-t border-zinc-200 dark:border-zinc-800"
    >
      <td className={cell}>
        {user.email}
        {isSelf && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">({t("you")})</span>}
      </td>
      <td className={cell}>
        <select
          aria-label={t("role")}
          value={user.role}
          disabled={pending}
          onChange={(event) => apply({ change: "role", role: event.target.value })}
          className={control}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td className={cell}>{date(user.createdAt)}</td>
      <td className={cell}>{user.lastActiveAt ? date(user.lastActiveAt) : t("never")}</td>
      <td className={`${cell} tabular-nums`} data-month-to-date-usd={user.monthToDateUsd}>
        {usd(user.monthToDateUsd)}
      </td>
      <td className={cell}>
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            apply({ change: "budget", monthlyBudgetUsd: budget }, () => setSaved(true));
          }}
        >
          <input
            aria-label={t("budget")}
            inputMode="decimal"
            value={budget}
            placeholder={t("noBudget")}
            onChange={(event) => setBudget(event.target.value)}
            className={`${control} w-28`}
          />
          <button type="submit" disabled={pending} className={control}>
            {t("saveBudget")}
          </button>
          {saved && <span className="text-xs text-green-700 dark:text-green-400">{t("saved")}</span>}
        </form>
      </td>
      <td className={cell}>
        <span className={disabled ? "text-red-700 dark:text-red-300" : ""}>
          {t(`statuses.${user.status === "disabled" ? "disabled" : "active"}`)}
        </span>
      </td>
      <td className={cell}>
        <button
          type="button"
          disabled={pending}
          onClick={() => apply({ change: "status", status: disabled ? "active" : "disabled" })}
          className={control}
        >
          {disabled ? t("enable") : t("disable")}
        </button>
        <RefusalText failure={failure} />
      </td>
    </tr>
  );
}
