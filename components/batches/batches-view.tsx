"use client";
// The /batches page: the new batch form behind "New batch", then every batch with its progress.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { BatchView } from "@/lib/batches/view";
import type { ProviderName } from "@/lib/model/provider-models";
import { BatchCard } from "./batch-card";
import { NewBatchForm, type Option } from "./new-batch-form";
import { useBatches } from "./use-batches";

export function BatchesView({
  initialBatches,
  models,
  defaultModel,
  presets,
  unavailable,
}: {
  initialBatches: BatchView[];
  models: Option[];
  defaultModel: string;
  presets: Option[];
  /** Why batches cannot run here: demo mode, or the cloud platform (which has no Batches API). */
  unavailable: "demo" | ProviderName | null;
}) {
  const t = useTranslations("batches");
  const { batches, refresh } = useBatches(initialBatches);
  const [formOpen, setFormOpen] = useState(false);
  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-4 p-4">
        <Link href="/" className="self-start text-sm underline">
          ← {t("backToChat")}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <button
            type="button"
            aria-expanded={formOpen}
            disabled={unavailable !== null}
            onClick={() => setFormOpen((open) => !open)}
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("newBatch")}
          </button>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        {unavailable && (
          <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {unavailable === "demo" ? t("demo") : t("provider", { provider: unavailable })}
          </p>
        )}
        {formOpen && (
          <NewBatchForm
            models={models}
            defaultModel={defaultModel}
            presets={presets}
            onSubmitted={() => {
              setFormOpen(false);
              void refresh();
            }}
          />
        )}
        {batches.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {batches.map((batch) => (
              <li key={batch.id}>
                <BatchCard batch={batch} onChanged={() => void refresh()} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}
