import { getFormatter, getTranslations } from "next-intl/server";
import { SpendChart } from "@/components/usage/spend-chart";
import type { TeamUsage } from "@/lib/db/team-usage";

const th = "px-2 py-1 font-medium";
const td = "px-2 py-1 tabular-nums";

/** The team's spend this month: per user, per model, per day. */
export async function TeamUsageSection({
  perUser,
  usage,
}: {
  perUser: { email: string; costUsd: number }[];
  usage: TeamUsage;
}) {
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const usd = (value: number) =>
    format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 4 });
  const spenders = perUser.filter((user) => user.costUsd > 0).sort((a, b) => b.costUsd - a.costUsd);
  const total = usage.perDay.reduce((sum, day) => sum + day.costUsd, 0);
  return (
    <section aria-labelledby="admin-team" className="flex flex-col gap-3">
      <h2 id="admin-team" className="text-lg font-semibold">
        {t("team")} <span data-team-total-usd={total.toFixed(6)}>{usd(total)}</span>
      </h2>
      {spenders.length === 0 && usage.perModel.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("nothingSpent")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <table className="text-left text-sm">
            <caption className="text-left font-medium">{t("perUser")}</caption>
            <thead>
              <tr className="text-xs text-zinc-500 dark:text-zinc-400">
                <th className={th}>{t("email")}</th>
                <th className={th}>{t("cost")}</th>
              </tr>
            </thead>
            <tbody>
              {spenders.map((user) => (
                <tr key={user.email}>
                  <td className="px-2 py-1">{user.email}</td>
                  <td className={td}>{usd(user.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="text-left text-sm">
            <caption className="text-left font-medium">{t("perModel")}</caption>
            <thead>
              <tr className="text-xs text-zinc-500 dark:text-zinc-400">
                <th className={th}>{t("model")}</th>
                <th className={th}>{t("cost")}</th>
                <th className={th}>{t("calls")}</th>
              </tr>
            </thead>
            <tbody>
              {usage.perModel.map((model) => (
                <tr key={model.model}>
                  <td className="px-2 py-1 font-mono text-xs">{model.model}</td>
                  <td className={td}>{usd(model.costUsd)}</td>
                  <td className={td}>{model.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="font-medium">{t("perDay")}</h3>
      <SpendChart days={usage.perDay} label={t("chartLabel")} />
    </section>
  );
}
