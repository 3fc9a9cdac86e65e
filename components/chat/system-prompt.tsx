"use client";

import { ChevronDown, ScrollText } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ComponentProps, useEffect, useId, useState } from "react";
import { Deferred, deferredLoader } from "@/components/ui/deferred";
import type { FormPopoverProps } from "@/components/ui/form-popover";
import { useRichSelect } from "@/components/ui/rich-select";

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

/** The preset combobox: a scroll icon and the preset's name (the name hides where the composer is narrow). */
export function SystemPromptPicker({ presets, value, onChange }: PickerProps) {
  const t = useTranslations("chat");
  const rich = useRichSelect();
  const chosen =
    value === CUSTOM_PROMPT
      ? t("customPrompt")
      : (presets.find((preset) => preset.id === value)?.name ?? t("none"));
  return (
    <select
      aria-label={t("systemPrompt")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      title={`${t("systemPrompt")}: ${chosen}`}
      className={
        rich
          ? `rich-select min-w-0 shrink ${value === NO_PROMPT ? "" : "text-blue-700 dark:text-blue-300"}`
          : "h-8 min-w-0 max-w-40 shrink rounded-lg bg-transparent px-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      }
    >
      {rich && (
        <button type="button" className="composer-select-button">
          <ScrollText aria-hidden="true" className="size-4 shrink-0" />
          <span className="max-w-32 truncate @max-[28rem]:sr-only">
            {value === NO_PROMPT ? t("systemPrompt") : chosen}
          </span>
          <ChevronDown aria-hidden="true" className="size-3.5 shrink-0 opacity-60 @max-[28rem]:hidden" />
        </button>
      )}
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

interface EditorProps {
  prompt: string | null;
  onSave: (prompt: string) => Promise<boolean>;
}

const popover = deferredLoader(() => import("@/components/ui/form-popover"));

/**
 * The button that opens the editor: an icon, its name also as (visually hidden) text so that it can be
 * found by its words; the label keeps the tooltip's generated text out of the name.
 */
function EditButton(props: ComponentProps<"button">) {
  const t = useTranslations("chat");
  return (
    <button
      type="button"
      aria-label={t("editSystemPrompt")}
      data-tooltip={t("editSystemPrompt")}
      data-tooltip-side="bottom"
      className="inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-expanded:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:aria-expanded:bg-zinc-800"
      {...props}
    >
      <ScrollText aria-hidden="true" className="size-4" />
      <span className="sr-only">{t("editSystemPrompt")}</span>
    </button>
  );
}

/**
 * Shows and edits the conversation's own copy of its system prompt, in a popover opened from a button
 * (it covers nothing until opened). The popover's code loads on the first hover, focus or press.
 */
export function SystemPromptEditor({ prompt, onSave }: EditorProps) {
  const t = useTranslations("chat");
  return (
    <Deferred
      loader={popover}
      standIn={(trigger) => <EditButton {...trigger} />}
      props={(open): FormPopoverProps => ({
        defaultOpen: open,
        label: t("editSystemPrompt"),
        variant: "wideForm",
        trigger: <EditButton />,
        children: <SystemPromptForm prompt={prompt} onSave={onSave} />,
      })}
    />
  );
}

function SystemPromptForm({ prompt, onSave }: EditorProps) {
  const t = useTranslations("chat");
  const [draft, setDraft] = useState(prompt ?? "");
  const [saved, setSaved] = useState(false);
  const fieldId = useId();
  useEffect(() => setDraft(prompt ?? ""), [prompt]);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(await onSave(draft));
      }}
    >
      <label htmlFor={fieldId} className="font-medium">
        {t("conversationSystemPrompt")}
      </label>
      <textarea
        id={fieldId}
        value={draft}
        placeholder={t("systemPromptEmpty")}
        maxLength={100_000}
        rows={6}
        onChange={(event) => {
          setDraft(event.target.value);
          setSaved(false);
        }}
        className="max-h-[50dvh] w-full rounded-lg border border-zinc-300 bg-transparent px-2 py-1.5 dark:border-zinc-700"
      />
      <div className="flex items-center justify-between gap-3">
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {saved ? t("systemPromptSaved") : t("systemPromptHint")}
        </span>
        <button
          type="submit"
          className="shrink-0 rounded-lg bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          {t("saveSystemPrompt")}
        </button>
      </div>
    </form>
  );
}
