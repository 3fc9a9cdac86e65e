"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { PresetData } from "@/lib/presets/schema";
import { deletePreset, type Outcome, updatePreset } from "./api";

interface PresetItemProps {
  preset: PresetData;
  onEdit: () => void;
  /** Called with the outcome of a change made here (set default, delete). */
  onChanged: (outcome: Outcome) => Promise<void>;
}

const button =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function PresetItem({ preset, onEdit, onChanged }: PresetItemProps) {
  const t = useTranslations("presets");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const run = async (change: () => Promise<Outcome>) => {
    setBusy(true);
    const outcome = await change();
    await onChanged(outcome);
    setBusy(false);
    setConfirming(false);
  };

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex min-w-0 items-center gap-2">
        <span className="truncate font-medium">{preset.name}</span>
        {preset.isDefault && (
          <span className="shrink-0 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
            {t("defaultBadge")}
          </span>
        )}
      </div>
      <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">
        {preset.prompt.trim().split("\n")[0]}
      </p>
      {confirming ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm">{t("confirmDelete", { name: preset.name })}</legend>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => deletePreset(preset.id))}
              className="rounded-md bg-red-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
            >
              {t("delete")}
            </button>
            <button type="button" ref={cancelRef} onClick={() => setConfirming(false)} className={button}>
              {t("cancel")}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={onEdit} className={button}>
            {t("edit")}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => run(() => updatePreset(preset.id, { isDefault: !preset.isDefault }))}
            className={button}
          >
            {t(preset.isDefault ? "unsetDefault" : "setDefault")}
          </button>
          <button type="button" onClick={() => setConfirming(true)} className={button}>
            {t("delete")}
          </button>
        </div>
      )}
    </li>
  );
}
