"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PresetData } from "@/lib/presets/schema";
import { type ErrorKey, fetchPresets, type Outcome } from "./api";
import { PresetForm } from "./preset-form";
import { PresetItem } from "./preset-item";

/** Which preset the form edits: `null` for a new one. */
type Editing = { id: string | null } | null;

/** The /presets island: the list of the user's presets and the form that creates or edits one. */
export function PresetsManager({ initialPresets }: { initialPresets: PresetData[] }) {
  const t = useTranslations("presets");
  const [presets, setPresets] = useState(initialPresets);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [errorCode, setErrorCode] = useState<string>();

  const reload = async () => {
    const list = await fetchPresets();
    if (list) setPresets(list);
  };

  const afterSave = async () => {
    await reload();
    setEditing(null);
  };

  const afterChange = async (outcome: Outcome) => {
    setError(outcome.ok ? null : outcome.error);
    setErrorCode(outcome.ok ? undefined : outcome.code);
    await reload();
  };

  const form = (preset?: PresetData) => (
    <PresetForm preset={preset} onSaved={afterSave} onCancel={() => setEditing(null)} />
  );

  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4">
        <Link href="/" className="self-start text-sm underline">
          ← {t("backToChat")}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <button
            type="button"
            onClick={() => {
              setError(null);
              setEditing({ id: null });
            }}
            className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("newPreset")}
          </button>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        {error && (
          <p
            role="alert"
            data-error-code={errorCode}
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {t(`errors.${error}`)}
          </p>
        )}
        {editing?.id === null && form()}
        {presets.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {presets.map((preset) =>
              editing?.id === preset.id ? (
                <li key={preset.id}>{form(preset)}</li>
              ) : (
                <PresetItem
                  key={preset.id}
                  preset={preset}
                  onEdit={() => {
                    setError(null);
                    setEditing({ id: preset.id });
                  }}
                  onChanged={afterChange}
                />
              ),
            )}
          </ul>
        )}
      </div>
    </main>
  );
}
