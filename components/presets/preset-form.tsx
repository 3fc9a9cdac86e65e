"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { estimateTokens } from "@/lib/presets/estimate";
import { PRESET_NAME_MAX, PRESET_PROMPT_MAX, type PresetData } from "@/lib/presets/schema";
import { createPreset, type ErrorKey, updatePreset, validationError } from "./api";

interface PresetFormProps {
  /** The preset being edited; absent for a new one. */
  preset?: PresetData;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}

const field =
  "w-full rounded-md border border-zinc-300 px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900";

/** Creates or edits a preset. On an error the typed text stays in the fields. */
export function PresetForm({ preset, onSaved, onCancel }: PresetFormProps) {
  const t = useTranslations("presets");
  const ids = useId();
  const [name, setName] = useState(preset?.name ?? "");
  const [prompt, setPrompt] = useState(preset?.prompt ?? "");
  const [isDefault, setIsDefault] = useState(preset?.isDefault ?? false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [errorCode, setErrorCode] = useState<string>();
  const [pending, setPending] = useState(false);
  // A 100k-character prompt must not make typing lag: the estimate may trail by a render.
  const measured = useDeferredValue(prompt);
  const nameField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameField.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const input = { name, prompt, isDefault };
    const invalid = validationError(input);
    setError(invalid);
    setErrorCode(undefined);
    if (invalid) return;
    setPending(true);
    const outcome = preset ? await updatePreset(preset.id, input) : await createPreset(input);
    if (outcome.ok) await onSaved();
    else {
      setError(outcome.error);
      setErrorCode(outcome.code);
      setPending(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${ids}-title`}
      className="flex flex-col gap-3 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700"
    >
      <h2 id={`${ids}-title`} className="font-semibold">
        {t(preset ? "editTitle" : "newTitle")}
      </h2>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${ids}-name`}>{t("name")}</label>
        <input
          ref={nameField}
          id={`${ids}-name`}
          value={name}
          maxLength={PRESET_NAME_MAX}
          onChange={(event) => setName(event.target.value)}
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${ids}-prompt`}>{t("prompt")}</label>
        <textarea
          id={`${ids}-prompt`}
          value={prompt}
          rows={10}
          maxLength={PRESET_PROMPT_MAX}
          placeholder={t("promptPlaceholder")}
          aria-describedby={`${ids}-meter`}
          onChange={(event) => setPrompt(event.target.value)}
          className={`${field} resize-y font-mono text-sm`}
        />
        <p id={`${ids}-meter`} className="text-xs text-zinc-500 dark:text-zinc-400 tabular-nums">
          {t("meter", {
            characters: measured.length,
            max: PRESET_PROMPT_MAX,
            tokens: estimateTokens(measured),
          })}
        </p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={isDefault} onChange={(event) => setIsDefault(event.target.checked)} />
        {t("useAsDefault")}
      </label>
      {error && (
        <p
          role="alert"
          data-error-code={errorCode}
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {t(`errors.${error}`, { max: error === "nameTooLong" ? PRESET_NAME_MAX : PRESET_PROMPT_MAX })}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {t("save")}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-zinc-300 px-4 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
