"use client";
// A page of a batch's results: the input's columns, the reply, status, tokens and cost per item.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatUsd } from "@/lib/pricing/cost";
import { type BatchPage, batchPage, type Failure, openItemAsChat } from "./api";
import { useFailureText } from "./failure-text";

const cell = "border-b border-zinc-200 px-2 py-1 align-top dark:border-zinc-700";

export function BatchResults({ batchId, refreshKey }: { batchId: string; refreshKey: string }) {
  const t = useTranslations("batches");
  const failureText = useFailureText();
  const router = useRouter();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<BatchPage | null>(null);
  const [problem, setProblem] = useState<Failure | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes as the batch progresses
  useEffect(() => {
    let current = true;
    void batchPage(batchId, page).then((result) => {
      if (!current) return;
      if (result.ok) setData(result.value);
      setProblem(result.ok ? null : result.failure);
    });
    return () => {
      current = false;
    };
  }, [batchId, page, refreshKey]);

  async function openAsChat(itemId: string) {
    const result = await openItemAsChat(batchId, itemId);
    if (!result.ok) return setProblem(result.failure);
    router.push(`/c/${result.value.conversationId}`);
  }

  if (problem)
    return (
      <p role="alert" data-error-code={problem.code} className="text-sm text-red-700">
        {failureText(problem)}
      </p>
    );
  if (!data) return null;
  const pages = Math.max(1, Math.ceil(data.batch.itemCount / data.pageSize));
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              {data.columns.map((c) => (
                <th key={c} className={cell} scope="col">
                  {c}
                </th>
              ))}
              <th className={cell} scope="col">
                {t("reply")}
              </th>
              <th className={cell} scope="col">
                {t("itemStatusHeader")}
              </th>
              <th className={cell} scope="col">
                {t("tokens")}
              </th>
              <th className={cell} scope="col">
                {t("costHeader")}
              </th>
              <th className={cell} scope="col" />
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.id} data-batch-item-status={item.status}>
                {data.columns.map((c) => (
                  <td key={c} className={cell}>
                    {item.input[c]}
                  </td>
                ))}
                <td className={`${cell} whitespace-pre-wrap`}>{item.reply ?? item.errorMessage ?? ""}</td>
                <td className={cell}>{t(`itemStatus.${item.status}`)}</td>
                <td className={`${cell} tabular-nums`}>
                  {t("tokensValue", { input: item.inputTokens, output: item.outputTokens })}
                </td>
                <td className={`${cell} tabular-nums`}>
                  {item.costUsd === null ? "" : formatUsd(item.costUsd)}
                </td>
                <td className={cell}>
                  {item.status === "succeeded" && (
                    <button type="button" className="underline" onClick={() => void openAsChat(item.id)}>
                      {t("openAsChat")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="flex items-center gap-3 text-sm">
          <button
            type="button"
            disabled={page === 0}
            onClick={() => setPage((p) => p - 1)}
            className="underline disabled:opacity-40"
          >
            {t("previousPage")}
          </button>
          <span>{t("page", { page: page + 1, pages })}</span>
          <button
            type="button"
            disabled={page + 1 >= pages}
            onClick={() => setPage((p) => p + 1)}
            className="underline disabled:opacity-40"
          >
            {t("nextPage")}
          </button>
        </div>
      )}
    </div>
  );
}
