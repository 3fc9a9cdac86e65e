"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRichSelect } from "@/components/ui/rich-select";
import { thinkingChoices } from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";
import { priceOf } from "@/lib/pricing/cost";

const compact = new Intl.NumberFormat("en", { notation: "compact" });
const dollars = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

type Badge = "vision" | "thinking" | "tools" | "pdf";

function badgesOf(model: ModelInfo, offersTools: (model: ModelInfo) => boolean): Badge[] {
  const badges: Badge[] = [];
  if (model.imageInput) badges.push("vision");
  if (thinkingChoices(model).length > 0) badges.push("thinking");
  if (offersTools(model)) badges.push("tools");
  // Claude reads a PDF's pages as images as well as text: PDF input comes with vision.
  if (model.imageInput) badges.push("pdf");
  return badges;
}

/** "Claude Sonnet 4.6" → ["Claude ", "Sonnet 4.6"]: the prefix is dropped where the row is narrow. */
function splitBrand(name: string): [string, string] {
  return name.startsWith("Claude ") ? ["Claude ", name.slice(7)] : ["", name];
}

/**
 * The Model combobox: a native select (its values are model ids). Where the browser draws a
 * customizable select, each option shows the name, context window, price and capability badges, and
 * the closed control shows the current model's name; elsewhere the options read "name · context".
 */
export function ModelPicker({
  models,
  model,
  onChange,
  offersTools,
}: {
  models: ModelInfo[];
  model: string;
  onChange: (id: string) => void;
  offersTools: (model: ModelInfo) => boolean;
}) {
  const t = useTranslations("chat");
  const rich = useRichSelect();
  const current = models.find((candidate) => candidate.id === model);
  const [brand, name] = splitBrand(current?.displayName ?? model);

  return (
    <select
      aria-label={t("model")}
      value={model}
      onChange={(event) => onChange(event.target.value)}
      data-rich-select={rich ? "" : undefined}
      className={
        rich
          ? "rich-select model-picker min-w-0 shrink"
          : "h-8 min-w-0 max-w-56 shrink rounded-lg bg-transparent px-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      }
    >
      {rich && (
        <button type="button" className="composer-select-button">
          <span className="truncate">
            <span className="@max-[28rem]:hidden">{brand}</span>
            {name}
          </span>
          <ChevronDown aria-hidden="true" className="size-3.5 shrink-0 opacity-60 @max-[28rem]:hidden" />
        </button>
      )}
      {models.map((option) =>
        rich ? (
          <option key={option.id} value={option.id} data-model-option={option.id}>
            <RichModelOption model={option} badges={badgesOf(option, offersTools)} />
          </option>
        ) : (
          <option key={option.id} value={option.id}>
            {option.displayName}
            {option.contextWindow
              ? ` · ${t("contextWindow", { tokens: compact.format(option.contextWindow) })}`
              : ""}
            {option.deprecated ? ` (${t("deprecated")})` : ""}
          </option>
        ),
      )}
    </select>
  );
}

function RichModelOption({ model, badges }: { model: ModelInfo; badges: Badge[] }) {
  const t = useTranslations("chat");
  const price = priceOf(model.id);
  return (
    <span className="flex min-w-0 flex-col gap-1">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <span className="font-medium">{model.displayName}</span>
        {model.deprecated && (
          <span
            data-model-deprecated
            className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {t("modelPicker.deprecated")}
          </span>
        )}
      </span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {model.contextWindow ? t("contextWindow", { tokens: compact.format(model.contextWindow) }) : ""}
        {model.contextWindow ? " · " : ""}
        {price
          ? t("modelPicker.price", {
              input: dollars.format(price.input),
              output: dollars.format(price.output),
            })
          : t("modelPicker.priceUnknown")}
      </span>
      {badges.length > 0 && (
        <span className="flex flex-wrap gap-1">
          {badges.map((badge) => (
            <span
              key={badge}
              data-model-badge={badge}
              className="rounded border border-zinc-300 px-1.5 text-[11px] leading-4 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300"
            >
              {" "}
              {t(`modelPicker.${badge}`)}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
