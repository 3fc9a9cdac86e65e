"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { samplingProblem } from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";
import { type ParamsState, takesThinkingBudget, thinkingFor } from "./reply-params";
import { ThinkingBudgetField, ThinkingSelect } from "./thinking-control";

interface ModelSettingsProps {
  models: ModelInfo[];
  model: string;
  onModelChange: (id: string) => void;
  /** The thinking choice sits here too (`params.thinking`). */
  params: ParamsState;
  onParamsChange: (params: ParamsState) => void;
  promptCaching: boolean;
  onPromptCachingChange: (on: boolean) => void;
}

const compact = new Intl.NumberFormat("en", { notation: "compact" });

function numberOrUndefined(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export function ModelSettings({
  models,
  model,
  onModelChange,
  params,
  onParamsChange,
  promptCaching,
  onPromptCachingChange,
}: ModelSettingsProps) {
  const t = useTranslations("chat");
  const current = models.find((candidate) => candidate.id === model);
  const set = (patch: Partial<ParamsState>) => onParamsChange({ ...params, ...patch });
  const inputClass =
    "w-28 rounded border border-zinc-300 bg-transparent px-2 py-1 disabled:opacity-40 dark:border-zinc-700";
  const thinking = thinkingFor(current, params.thinking);
  // While thinking the API refuses temperature and top-k, and top-p below 0.95: those are not sent.
  const thinkingOn = thinking !== "off";
  const topPIgnored = thinkingOn && samplingProblem({ topP: params.topP }) !== null;
  const samplingHintId = useId();
  const topPHintId = useId();

  return (
    <>
      <select
        aria-label={t("model")}
        value={model}
        onChange={(event) => onModelChange(event.target.value)}
        className="max-w-56 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
      >
        {models.map((option) => (
          <option key={option.id} value={option.id}>
            {option.displayName}
            {option.contextWindow
              ? ` · ${t("contextWindow", { tokens: compact.format(option.contextWindow) })}`
              : ""}
            {option.deprecated ? ` (${t("deprecated")})` : ""}
          </option>
        ))}
      </select>
      <ThinkingSelect model={current} value={thinking} onChange={(choice) => set({ thinking: choice })} />
      <details className="relative text-sm">
        <summary className="cursor-pointer rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          {t("parameters")}
        </summary>
        <div className="absolute bottom-full left-0 z-20 mb-2 flex w-72 flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <label className="flex items-center justify-between gap-2">
            {t("maxTokens")}
            <input
              type="number"
              min={1}
              max={current?.maxOutputTokens}
              placeholder={t("default")}
              value={params.maxTokens ?? ""}
              onChange={(event) => set({ maxTokens: numberOrUndefined(event.target.value) })}
              className={inputClass}
            />
          </label>
          {current?.samplingParams !== false && (
            <>
              <label className="flex items-center justify-between gap-2">
                {t("temperature")}
                <input
                  type="number"
                  min={0}
                  max={1}
                  step={0.1}
                  disabled={thinkingOn}
                  aria-describedby={thinkingOn ? samplingHintId : undefined}
                  placeholder={t("default")}
                  value={params.temperature ?? ""}
                  onChange={(event) => set({ temperature: numberOrUndefined(event.target.value) })}
                  className={inputClass}
                />
              </label>
              <label className="flex items-center justify-between gap-2">
                {t("topP")}
                <input
                  type="number"
                  min={0}
                  max={1}
                  step={0.05}
                  aria-describedby={topPIgnored ? topPHintId : undefined}
                  placeholder={t("default")}
                  value={params.topP ?? ""}
                  onChange={(event) => set({ topP: numberOrUndefined(event.target.value) })}
                  className={inputClass}
                />
              </label>
              <label className="flex items-center justify-between gap-2">
                {t("topK")}
                <input
                  type="number"
                  min={1}
                  step={1}
                  disabled={thinkingOn}
                  aria-describedby={thinkingOn ? samplingHintId : undefined}
                  placeholder={t("default")}
                  value={params.topK ?? ""}
                  onChange={(event) => set({ topK: numberOrUndefined(event.target.value) })}
                  className={inputClass}
                />
              </label>
              {thinkingOn && (
                <p id={samplingHintId} className="text-xs text-zinc-500 dark:text-zinc-400">
                  {t("samplingWhileThinking")}
                </p>
              )}
              {topPIgnored && (
                <p id={topPHintId} className="text-xs text-amber-700 dark:text-amber-400">
                  {t("topPWhileThinking")}
                </p>
              )}
            </>
          )}
          {thinkingOn && takesThinkingBudget(current) && (
            <ThinkingBudgetField
              value={params.thinkingBudget}
              onChange={(budget) => set({ thinkingBudget: budget })}
              inputClass={inputClass}
            />
          )}
          <label className="flex flex-col gap-1">
            {t("stopSequences")}
            <textarea
              rows={2}
              value={(params.stopSequences ?? []).join("\n")}
              onChange={(event) =>
                set({ stopSequences: event.target.value.split("\n").filter((line) => line.length > 0) })
              }
              className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            />
          </label>
          <label className="flex items-start gap-2" title={t("promptCachingHint")}>
            <input
              type="checkbox"
              checked={promptCaching}
              onChange={(event) => onPromptCachingChange(event.target.checked)}
              className="mt-1"
            />
            {t("promptCaching")}
          </label>
        </div>
      </details>
    </>
  );
}
