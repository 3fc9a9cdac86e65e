"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { PlusIcon } from "@/components/ui/icons";
import { PageFrame } from "@/components/ui/page-frame";
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
    <PageFrame
      title={t("title")}
      backLabel={t("backToChat")}
      intro={t("intro")}
      actions={
        <button
          type="button"
          onClick={() => {
            setError(null);
            setEditing({ id: null });
          }}
          className={`${button.primary} ${buttonSize.md}`}
        >
          <PlusIcon aria-hidden="true" className="size-4" />
          {t("newPreset")}
        </button>
      }
    >
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
    </PageFrame>
  );
}
