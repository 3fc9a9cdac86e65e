import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { UsageReport } from "@/lib/db/usage";
import { formatUsd } from "@/lib/pricing/cost";

const cell = "border-b border-zinc-200 px-2 py-1.5 dark:border-zinc-700";
const numeric = `${cell} text-right tabular-nums`;

function Table({ caption, head, children }: { caption: string; head: string[]; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-medium">{caption}</h2>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              {head.map((title, i) => (
                <th key={title} scope="col" className={i === 0 ? `${cell} text-left` : `${cell} text-right`}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}

export async function TokenTable({ totals }: { totals: UsageReport["totals"] }) {
  const [t, format] = await Promise.all([getTranslations("usage"), getFormatter()]);
  const rows = [
    [t("input"), totals.inputTokens],
    [t("output"), totals.outputTokens],
    [t("thinking"), totals.thinkingTokens],
    [t("cacheRead"), totals.cacheReadTokens],
    [t("cacheWrite"), totals.cacheWriteTokens],
    [t("webSearches"), totals.webSearchRequests],
  ] as const;
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-medium">{t("tokens")}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        {rows.map(([name, value]) => (
          <div
            key={name}
            className="flex justify-between gap-2 border-b border-zinc-200 py-1 dark:border-zinc-700"
          >
            <dt>{name}</dt>
            <dd className="tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export async function ModelTable({ models }: { models: UsageReport["perModel"] }) {
  const [t, format] = await Promise.all([getTranslations("usage"), getFormatter()]);
  return (
    <Table caption={t("perModel")} head={[t("model"), t("callsColumn"), t("input"), t("output"), t("cost")]}>
      {models.map((row) => (
        <tr key={row.model}>
          <td className={`${cell} font-mono`}>{row.model}</td>
          <td className={numeric}>{format.number(row.calls)}</td>
          <td className={numeric}>
            {format.number(row.inputTokens + row.cacheReadTokens + row.cacheWriteTokens)}
          </td>
          <td className={numeric}>{format.number(row.outputTokens)}</td>
          <td className={numeric}>
            {row.unpricedCalls === row.calls
              ? t("priceUnknown")
              : `${formatUsd(row.costUsd)}${row.unpricedCalls > 0 ? ` + ${t("priceUnknown")}` : ""}`}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export async function ConversationTable({
  conversations,
}: {
  conversations: UsageReport["topConversations"];
}) {
  const [t, format] = await Promise.all([getTranslations("usage"), getFormatter()]);
  return (
    <Table caption={t("topConversations")} head={[t("conversation"), t("callsColumn"), t("cost")]}>
      {conversations.map((row) => (
        <tr key={row.conversationId} data-usage-conversation={row.conversationId}>
          <td className={cell}>
            {row.title === null ? (
              <span className="text-zinc-500 dark:text-zinc-400 italic">{t("deletedConversation")}</span>
            ) : (
              <Link href={`/c/${row.conversationId}`} className="underline">
                {row.title}
              </Link>
            )}
          </td>
          <td className={numeric}>{format.number(row.calls)}</td>
          <td className={numeric}>{formatUsd(row.costUsd)}</td>
        </tr>
      ))}
    </Table>
  );
}
