"use client";

import { SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ComponentProps, useId } from "react";
import { Deferred, deferredLoader } from "@/components/ui/deferred";
import type { FormPopoverProps } from "@/components/ui/form-popover";
import { samplingProblem, type ThinkingChoice } from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";
import { ModelPicker } from "./model-picker";
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
  /** Whether the Tools menu would offer anything with `model` (its badge in the picker). */
  offersTools?: (model: ModelInfo) => boolean;
}

const noTools = () => false;

function numberOrUndefined(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

const parametersPopover = deferredLoader(() => import("@/components/ui/form-popover"));

/** The Parameters button: named in words where the composer has room, by its icon and tooltip where not. */
function ParametersButton(props: ComponentProps<"button">) {
  const t = useTranslations("chat");
  return (
    <button
      type="button"
      aria-label={t("parameters")}
      data-tooltip={t("parameters")}
      className="inline-flex h-8 min-w-8 shrink-0 items-center justify-center gap-1 rounded-lg px-2 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-expanded:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:aria-expanded:bg-zinc-800 @max-[40rem]:px-0 @max-[28rem]:h-7 @max-[28rem]:min-w-7"
      {...props}
    >
      <SlidersHorizontal aria-hidden="true" className="size-4" />
      <span className="@max-[40rem]:sr-only">{t("parameters")}</span>
    </button>
  );
}

export function ModelSettings({
  models,
  model,
  onModelChange,
  params,
  onParamsChange,
  promptCaching,
  onPromptCachingChange,
  offersTools = noTools,
}: ModelSettingsProps) {
  const t = useTranslations("chat");
  const current = models.find((candidate) => candidate.id === model);
  const thinking = thinkingFor(current, params.thinking);
  const set = (patch: Partial<ParamsState>) => onParamsChange({ ...params, ...patch });

  return (
    <>
      <ModelPicker models={models} model={model} onChange={onModelChange} offersTools={offersTools} />
      <ThinkingSelect model={current} value={thinking} onChange={(choice) => set({ thinking: choice })} />
      <Deferred
        loader={parametersPopover}
        standIn={(trigger) => <ParametersButton {...trigger} />}
        props={(open): FormPopoverProps => ({
          defaultOpen: open,
          label: t("parameters"),
          side: "top",
          trigger: <ParametersButton />,
          children: (
            <ParameterFields
              model={current}
              params={params}
              thinking={thinking}
              set={set}
              promptCaching={promptCaching}
              onPromptCachingChange={onPromptCachingChange}
            />
          ),
        })}
      />
    </>
  );
}

const inputClass =
  "w-28 rounded border border-zinc-300 bg-transparent px-2 py-1 disabled:opacity-40 dark:border-zinc-700";

/** The fields of the Parameters popover; the values live with the composer, not in the popover. */
function ParameterFields({
  model,
  params,
  thinking,
  set,
  promptCaching,
  onPromptCachingChange,
}: {
  model: ModelInfo | undefined;
  params: ParamsState;
  thinking: ThinkingChoice;
  set: (patch: Partial<ParamsState>) => void;
  promptCaching: boolean;
  onPromptCachingChange: (on: boolean) => void;
}) {
  const t = useTranslations("chat");
  // While thinking the API refuses temperature and top-k, and top-p below 0.95: those are not sent.
  const thinkingOn = thinking !== "off";
  const topPIgnored = thinkingOn && samplingProblem({ topP: params.topP }) !== null;
  const samplingHintId = useId();
  const topPHintId = useId();

  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center justify-between gap-2">
        {t("maxTokens")}
        <input
          type="number"
          min={1}
          max={model?.maxOutputTokens}
          placeholder={t("default")}
          value={params.maxTokens ?? ""}
          onChange={(event) => set({ maxTokens: numberOrUndefined(event.target.value) })}
          className={inputClass}
        />
      </label>
      {model?.samplingParams !== false && (
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
      {thinkingOn && takesThinkingBudget(model) && (
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
  );
}
