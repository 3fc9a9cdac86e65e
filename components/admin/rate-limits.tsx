import { getFormatter, getTranslations } from "next-intl/server";
import { RATE_LIMIT_KINDS, type RateLimitKind, type RateLimitSnapshot } from "@/lib/model/rate-limits";

const th = "px-2 py-1 font-medium";
const td = "px-2 py-1 tabular-nums";

/** The latest rate limits the Messages API reported: limit, remaining and reset per kind. */
export async function RateLimitsSection({
  latest,
}: {
  latest: { limits: RateLimitSnapshot; recordedAt: Date } | null;
}) {
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? "–" : format.number(value);
  const kinds = (Object.keys(RATE_LIMIT_KINDS) as RateLimitKind[]).filter((kind) => latest?.limits[kind]);
  return (
    <section aria-labelledby="admin-rate-limits" className="flex flex-col gap-2">
      <h2 id="admin-rate-limits" className="text-lg font-semibold">
        {t("rateLimits")}
      </h2>
      {!latest || kinds.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("rateLimitsNone")}</p>
      ) : (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {t("rateLimitsAsOf", {
              date: format.dateTime(latest.recordedAt, { dateStyle: "medium", timeStyle: "medium" }),
            })}
          </p>
          <table className="text-left text-sm">
            <thead>
              <tr className="text-xs text-zinc-500 dark:text-zinc-400">
                <th className={th}>{t("rateLimitKind")}</th>
                <th className={th}>{t("rateLimitLimit")}</th>
                <th className={th}>{t("rateLimitRemaining")}</th>
                <th className={th}>{t("rateLimitReset")}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((kind) => {
                const limit = latest.limits[kind];
                return (
                  <tr
                    key={kind}
                    data-rate-limit={kind}
                    data-limit={limit?.limit ?? ""}
                    data-remaining={limit?.remaining ?? ""}
                  >
                    <td className="px-2 py-1">{t(`rateLimitKinds.${kind}`)}</td>
                    <td className={td}>{number(limit?.limit)}</td>
                    <td className={td}>{number(limit?.remaining)}</td>
                    <td className={td}>
                      {limit?.reset ? format.dateTime(new Date(limit.reset), { timeStyle: "medium" }) : "–"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
