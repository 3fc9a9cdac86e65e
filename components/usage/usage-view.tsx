import { getTranslations } from "next-intl/server";
import { PageFrame } from "@/components/ui/page-frame";
import type { UsageReport } from "@/lib/db/usage";
import { decimalUsd, formatUsd } from "@/lib/pricing/cost";
import { MAX_PERIOD_DAYS, type PeriodQuery, type PeriodResult, periodQuery } from "@/lib/usage/period";
import { PeriodPicker } from "./period-picker";
import { SpendChart } from "./spend-chart";
import { ConversationTable, ModelTable, TokenTable } from "./usage-tables";

/** The /usage page: the period picker, then the period's report (or why the period was refused). */
export async function UsageView({
  query,
  result,
  report,
}: {
  query: PeriodQuery;
  result: PeriodResult;
  report: UsageReport | null;
}) {
  const t = await getTranslations("usage");
  const period = result.ok ? result.period : null;
  return (
    <PageFrame title={t("title")} backLabel={t("backToChat")} width="wide">
      <PeriodPicker
        range={query.range}
        from={period?.firstDay ?? query.from ?? ""}
        to={period?.lastDay ?? query.to ?? ""}
        timeZone={query.tz}
      />
      {!result.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(result.error, { max: MAX_PERIOD_DAYS })}
        </p>
      )}
      {period && report && (
        <>
          <section className="flex flex-wrap items-end justify-between gap-4">
            <div>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                {t("periodRange", { from: period.firstDay, to: period.lastDay, timeZone: period.timeZone })}
              </p>
              <dl>
                <dt className="text-sm">{t("total")}</dt>
                <dd
                  className="text-3xl font-semibold tabular-nums"
                  data-usage-total-usd={decimalUsd(report.totals.costUsd)}
                >
                  {formatUsd(report.totals.costUsd)}
                </dd>
              </dl>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                {t("calls", { count: report.totals.calls })}
              </p>
            </div>
            <a
              href={`/api/usage/export?${new URLSearchParams(periodQuery(period))}`}
              download
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-600"
            >
              {t("downloadCsv")}
            </a>
          </section>
          {report.totals.unpricedCalls > 0 && (
            <p
              className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
              data-usage-unpriced={report.totals.unpricedCalls}
            >
              {t("unpriced", { count: report.totals.unpricedCalls })}
            </p>
          )}
          <p className="text-sm" data-usage-caching-saved-usd={decimalUsd(report.totals.cachingSavedUsd)}>
            {report.totals.cachingSavedUsd >= 0 ? t("cachingSaved") : t("cachingCost")}:{" "}
            <strong>{formatUsd(Math.abs(report.totals.cachingSavedUsd))}</strong>{" "}
            <span className="text-zinc-500 dark:text-zinc-400">{t("cachingNote")}</span>
          </p>
          <section className="flex flex-col gap-2">
            <h2 className="text-lg font-medium">{t("perDay")}</h2>
            <SpendChart days={report.perDay} label={t("chartLabel")} />
          </section>
          {report.totals.calls === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("nothing")}</p>
          ) : (
            <>
              <TokenTable totals={report.totals} />
              <ModelTable models={report.perModel} />
              {report.topConversations.length > 0 && (
                <ConversationTable conversations={report.topConversations} />
              )}
            </>
          )}
        </>
      )}
    </PageFrame>
  );
}
