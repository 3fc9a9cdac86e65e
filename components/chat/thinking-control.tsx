"use client";

import { Brain } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRichSelect } from "@/components/ui/rich-select";
import { MIN_THINKING_BUDGET, type ThinkingChoice, thinkingChoices } from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";

/**
 * The Thinking combobox; nothing for a model that cannot think. Drawn as a brain icon with the level
 * where the browser supports customizable selects (the level hides where the composer is narrow).
 */
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
  const rich = useRichSelect();
  const choices = thinkingChoices(model);
  if (choices.length === 0) return null;
  const selected = choices.includes(value) ? value : "off";
  return (
    <select
      aria-label={t("thinking")}
      value={selected}
      onChange={(event) => onChange(event.target.value as ThinkingChoice)}
      title={`${t("thinking")}: ${t(`thinkingChoice.${selected}`)}`}
      className={
        rich
          ? `rich-select shrink-0 ${selected === "off" ? "" : "text-blue-700 dark:text-blue-300"}`
          : "h-8 shrink-0 rounded-lg bg-transparent px-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      }
    >
      {rich && (
        <button type="button" className="composer-select-button">
          <Brain aria-hidden="true" className="size-4 shrink-0" />
          <span className="@max-[28rem]:sr-only">{t(`thinkingChoice.${selected}`)}</span>
        </button>
      )}
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
