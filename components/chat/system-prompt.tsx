"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export interface PresetOption {
  id: string;
  name: string;
  isDefault: boolean;
}

/** What the picker shows: a preset id, "" for none, or "custom" for an edited prompt. */
export type PromptChoice = string;

export const NO_PROMPT = "";
export const CUSTOM_PROMPT = "custom";

interface PickerProps {
  presets: PresetOption[];
  value: PromptChoice;
  onChange: (choice: PromptChoice) => void;
}

export function SystemPromptPicker({ presets, value, onChange }: PickerProps) {
  const t = useTranslations("chat");
  return (
    <select
      aria-label={t("systemPrompt")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className="max-w-48 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
    >
      <option value={NO_PROMPT}>{t("none")}</option>
      {presets.map((preset) => (
        <option key={preset.id} value={preset.id}>
          {preset.name}
        </option>
      ))}
      {value === CUSTOM_PROMPT && <option value={CUSTOM_PROMPT}>{t("customPrompt")}</option>}
    </select>
  );
}

interface PanelProps {
  prompt: string | null;
  onSave: (prompt: string) => Promise<boolean>;
}

/** Shows and edits the conversation's own copy of its system prompt. */
export function SystemPromptPanel({ prompt, onSave }: PanelProps) {
  const t = useTranslations("chat");
  const [draft, setDraft] = useState(prompt ?? "");
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(prompt ?? ""), [prompt]);
  return (
    <details className="mx-auto w-full max-w-3xl px-4 pt-2 text-sm">
      <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">{t("editSystemPrompt")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(await onSave(draft));
        }}
      >
        <textarea
          aria-label={t("conversationSystemPrompt")}
          value={draft}
          placeholder={t("systemPromptEmpty")}
          maxLength={100_000}
          rows={5}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(false);
          }}
          className="w-full rounded-md border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
        />
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {t("saveSystemPrompt")}
          </button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {saved ? t("systemPromptSaved") : t("systemPromptHint")}
          </span>
        </div>
      </form>
    </details>
  );
}
