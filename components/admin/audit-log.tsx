import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/lib/db/audit";

const th = "px-2 py-1 font-medium";

/** A changed value as shown: money (budgets) in dollars and cents, anything else as recorded. */
function shown(value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  return typeof value === "number" ? `$${value.toFixed(2)}` : String(value);
}

/** The audit log, newest first, one page at a time (?audit=N). */
export async function AuditLog({
  entries,
  page,
  hasOlder,
}: {
  entries: AuditEntry[];
  page: number;
  hasOlder: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const none = t("none");
  const summary = (entry: AuditEntry) => {
    const detail = entry.detail;
    if (entry.action === "invite")
      return t("actions.invite", {
        maxUses: String(detail.maxUses ?? ""),
        expiresAt:
          typeof detail.expiresAt === "string"
            ? format.dateTime(new Date(detail.expiresAt), { dateStyle: "medium", timeStyle: "short" })
            : "",
      });
    if (entry.action === "provider_credentials") {
      const side = (value: unknown) =>
        value === "environment"
          ? t("credentialsEnvironment")
          : value === "stored"
            ? t("credentialsStoredShort")
            : shown(value, none);
      return t("actions.provider_credentials", {
        provider: String(detail.provider ?? ""),
        from: side(detail.from),
        to: side(detail.to),
      });
    }
    const key = [
      "role",
      "status",
      "budget",
      "default_budget",
      "registration_mode",
      "password_sign_in",
    ].includes(entry.action)
      ? entry.action
      : null;
    return key
      ? t(`actions.${key}`, { from: shown(detail.from, none), to: shown(detail.to, none) })
      : entry.action;
  };
  return (
    <section aria-labelledby="admin-audit" className="flex flex-col gap-2">
      <h2 id="admin-audit" className="text-lg font-semibold">
        {t("audit")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("auditEmpty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-xs text-zinc-500 dark:text-zinc-400">
              <th className={th}>{t("auditWhen")}</th>
              <th className={th}>{t("auditWho")}</th>
              <th className={th}>{t("auditWhat")}</th>
              <th className={th}>{t("auditTarget")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr
                key={entry.id}
                data-audit-action={entry.action}
                className="border-t border-zinc-200 dark:border-zinc-800"
              >
                <td className="px-2 py-1 whitespace-nowrap">
                  {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                </td>
                <td className="px-2 py-1">{entry.actorEmail}</td>
                <td className="px-2 py-1">{summary(entry)}</td>
                <td className="px-2 py-1">{entry.targetEmail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t("auditPage", { page })} className="flex gap-3 text-sm">
        {page > 1 && (
          <Link href={page === 2 ? "/admin" : `/admin?audit=${page - 1}`} className="underline">
            {t("auditNewer")}
          </Link>
        )}
        {hasOlder && (
          <Link href={`/admin?audit=${page + 1}`} className="underline">
            {t("auditOlder")}
          </Link>
        )}
      </nav>
    </section>
  );
}
