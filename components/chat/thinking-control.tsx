"use client";

import { useTranslations } from "next-intl";
import { MIN_THINKING_BUDGET, type ThinkingChoice, thinkingChoices } from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";

/** The Thinking combobox; nothing for a model that cannot think. */
export function ThinkingSelect({
  model,
  value,
  onChange,
}: {
  model: ModelInfo | undefined;
  value: ThinkingChoice;
  onChange: (choice: ThinkingChoice) => void;
}) {
  const t = useTranslations("chat");
  const choices = thinkingChoices(model);
  if (choices.length === 0) return null;
  return (
    <select
      aria-label={t("thinking")}
      value={choices.includes(value) ? value : "off"}
      onChange={(event) => onChange(event.target.value as ThinkingChoice)}
      className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {t(`thinkingChoice.${choice}`)}
        </option>
      ))}
    </select>
  );
}

/** Budget models with thinking on: how many tokens it may spend (empty: the server's default). */
export function ThinkingBudgetField({
  value,
  onChange,
  inputClass,
}: {
  value: number | undefined;
  onChange: (budget: number | undefined) => void;
  inputClass: string;
}) {
  const t = useTranslations("chat");
  return (
    <label className="flex items-center justify-between gap-2">
      {t("thinkingBudget")}
      <input
        type="number"
        min={MIN_THINKING_BUDGET}
        step={1024}
        placeholder={t("default")}
        value={value ?? ""}
        onChange={(event) =>
          onChange(event.target.value.trim() === "" ? undefined : Number(event.target.value))
        }
        className={inputClass}
      />
    </label>
  );
}
