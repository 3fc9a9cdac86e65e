"use client";
// What a new batch would send: item count, estimate at batch prices and the first requests (as text).
import { useTranslations } from "next-intl";
import { formatUsd } from "@/lib/pricing/cost";
import type { Preview } from "./api";

export function PreviewPanel({ preview }: { preview: Preview }) {
  const t = useTranslations("batches");
  return (
    <section
      aria-label={t("preview")}
      data-batch-preview
      className="flex flex-col gap-2 rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800"
    >
      <p>
        <strong data-batch-item-count={preview.itemCount}>
          {t("itemCount", { count: preview.itemCount })}
        </strong>
        {" · "}
        <span data-batch-estimate-usd={preview.estimateUsd ?? ""}>
          {preview.estimateUsd === null
            ? t("estimateUnknown")
            : t("estimate", { cost: formatUsd(preview.estimateUsd) })}
        </span>
      </p>
      <h3 className="font-medium">{t("firstRequests")}</h3>
      <ol className="flex list-decimal flex-col gap-1 pl-5">
        {preview.samples.map((sample, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the samples are the first rows in order
          <li key={i}>
            <pre className="whitespace-pre-wrap break-words font-mono text-xs">{sample}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
