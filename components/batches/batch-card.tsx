"use client";
// One batch: name, model, status, a progress bar, counts, cost, downloads and actions.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type BatchView, doneCount } from "@/lib/batches/view";
import { formatUsd } from "@/lib/pricing/cost";
import { cancelBatch, deleteBatch, type Failure } from "./api";
import { BatchResults } from "./batch-results";
import { useFailureText } from "./failure-text";

const action = "rounded-md border border-zinc-300 px-2.5 py-1 text-sm dark:border-zinc-600";

export function BatchCard({ batch, onChanged }: { batch: BatchView; onChanged: () => void }) {
  const t = useTranslations("batches");
  const failureText = useFailureText();
  const [showResults, setShowResults] = useState(false);
  const [problem, setProblem] = useState<Failure | null>(null);
  const done = doneCount(batch);
  const running = batch.status === "in_progress" || batch.status === "canceling";
  const finished = batch.status === "ended";
  const base = `/api/batches/${encodeURIComponent(batch.id)}/download`;

  async function run(call: () => Promise<{ ok: true } | { ok: false; failure: Failure }>) {
    const result = await call();
    setProblem(result.ok ? null : result.failure);
    onChanged();
  }

  return (
    <article
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700"
      data-batch-id={batch.id}
      data-batch-status={batch.status}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">{batch.name}</h2>
        <span className="text-xs text-zinc-500">
          {batch.model} · {t(`status.${batch.status}`)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel", { name: batch.name })}
        aria-valuemin={0}
        aria-valuemax={batch.itemCount}
        aria-valuenow={done}
        aria-valuetext={t("progress", { done, total: batch.itemCount })}
        className="h-2 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700"
      >
        <div
          className="h-full bg-emerald-600"
          style={{ width: `${batch.itemCount ? (100 * done) / batch.itemCount : 0}%` }}
        />
      </div>
      <p className="text-sm tabular-nums">
        {t("progress", { done, total: batch.itemCount })} —{" "}
        <span
          data-batch-succeeded={batch.succeeded}
          data-batch-errored={batch.errored}
          data-batch-expired={batch.expired}
          data-batch-canceled={batch.canceled}
        >
          {t("counts", {
            succeeded: batch.succeeded,
            errored: batch.errored,
            expired: batch.expired,
            canceled: batch.canceled,
          })}
        </span>
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {batch.costUsd !== null
          ? t("cost", { cost: formatUsd(batch.costUsd) })
          : batch.estimateUsd !== null && t("estimated", { cost: formatUsd(batch.estimateUsd) })}
        {batch.errorCode &&
          ` ${t.has(`failedCode.${batch.errorCode}`) ? t(`failedCode.${batch.errorCode}`) : batch.errorCode}`}
      </p>
      {problem && (
        <p role="alert" data-error-code={problem.code} className="text-sm text-red-700 dark:text-red-400">
          {failureText(problem)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {finished && (
          <>
            <a href={`${base}?format=csv`} download className={action}>
              {t("downloadCsv")}
            </a>
            <a href={`${base}?format=jsonl`} download className={action}>
              {t("downloadJsonl")}
            </a>
          </>
        )}
        <button
          type="button"
          className={action}
          aria-expanded={showResults}
          onClick={() => setShowResults((s) => !s)}
        >
          {showResults ? t("hideResults") : t("showResults")}
        </button>
        {batch.status === "in_progress" && (
          <button type="button" className={action} onClick={() => void run(() => cancelBatch(batch.id))}>
            {t("cancel")}
          </button>
        )}
        <button
          type="button"
          className={action}
          onClick={() => {
            if (window.confirm(t("confirmDelete", { name: batch.name })))
              void run(() => deleteBatch(batch.id));
          }}
        >
          {t("delete")}
        </button>
      </div>
      {showResults && <BatchResults batchId={batch.id} refreshKey={`${done}-${batch.status}-${running}`} />}
    </article>
  );
}
