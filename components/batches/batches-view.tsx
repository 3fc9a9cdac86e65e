"use client";
// The /batches page: the new batch form behind "New batch", then every batch with its progress.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { PlusIcon } from "@/components/ui/icons";
import { PageFrame } from "@/components/ui/page-frame";
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
    <PageFrame
      title={t("title")}
      backLabel={t("backToChat")}
      intro={t("intro")}
      width="wide"
      actions={
        <button
          type="button"
          aria-expanded={formOpen}
          disabled={unavailable !== null}
          onClick={() => setFormOpen((open) => !open)}
          className={`${button.primary} ${buttonSize.md}`}
        >
          <PlusIcon aria-hidden="true" className="size-4" />
          {t("newBatch")}
        </button>
      }
    >
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
    </PageFrame>
  );
}
