// Extended thinking: what the Thinking control offers for a model, and the request fields each
// choice becomes. Driven by the model's capabilities (Models API), shared by browser and server.
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { EFFORT_LEVELS, type EffortLevel, type ModelInfo } from "@/lib/model/types";

/** `off`, an effort level (adaptive models), or `on` (budget models; adaptive ones without effort levels). */
export const THINKING_CHOICES = ["off", "on", ...EFFORT_LEVELS] as const;
export type ThinkingChoice = (typeof THINKING_CHOICES)[number];

export const MIN_THINKING_BUDGET = 1024;
/** The budget of `on` for budget models unless the user sets one: half the reply's max tokens, at most this. */
const DEFAULT_THINKING_BUDGET = 10_000;

/** The Thinking control's options for `model`, `off` first; empty when it cannot think. */
export function thinkingChoices(model: ModelInfo | undefined): ThinkingChoice[] {
  const support = model?.thinking;
  if (!support || (!support.adaptive && !support.budget)) return [];
  if (support.adaptive && support.effort.length > 0) return ["off", ...support.effort];
  return ["off", "on"];
}

/** The choice kept when the model changes: the same one if offered, else the nearest sensible one. */
export function carryThinkingChoice(choice: ThinkingChoice, model: ModelInfo | undefined): ThinkingChoice {
  const offered = thinkingChoices(model);
  if (offered.includes(choice)) return choice;
  if (choice === "off" || offered.length === 0) return "off";
  const levels = offered.filter((option): option is EffortLevel => option !== "off" && option !== "on");
  if (levels.length === 0) return offered.includes("on") ? "on" : "off";
  // "on" becomes the API's default effort; a level the model lacks, the nearest one below it.
  const rank = EFFORT_LEVELS.indexOf(choice === "on" ? "high" : choice);
  return levels.filter((level) => EFFORT_LEVELS.indexOf(level) <= rank).at(-1) ?? levels[0]!;
}

export class ThinkingError extends Error {}

type ThinkingFields = Pick<MessageCreateParamsBase, "thinking" | "output_config">;

/**
 * The request fields for a thinking choice. Thinking is always asked to be displayed summarized:
 * from Opus 4.7 on the default is `omitted` (a signature and no text). `off` sends nothing: adaptive-only
 * models reject `{type: "disabled"}`, and without `thinking` no model thinks.
 */
export function thinkingFields(input: {
  model: ModelInfo | undefined;
  choice: ThinkingChoice | undefined;
  maxTokens: number;
  budgetTokens?: number;
}): ThinkingFields {
  const { model, choice = "off", maxTokens } = input;
  if (choice === "off") return {};
  const name = model?.displayName ?? "This model";
  if (!thinkingChoices(model).includes(choice))
    throw new ThinkingError(`${name} does not offer thinking "${choice}".`);
  const support = model!.thinking;
  if (support.adaptive) {
    return {
      thinking: { type: "adaptive", display: "summarized" },
      ...(choice === "on" ? {} : { output_config: { effort: choice } }),
    };
  }
  if (maxTokens <= MIN_THINKING_BUDGET)
    throw new ThinkingError(`Thinking needs max tokens above ${MIN_THINKING_BUDGET}.`);
  const budget =
    input.budgetTokens ?? Math.max(MIN_THINKING_BUDGET, Math.min(DEFAULT_THINKING_BUDGET, maxTokens / 2));
  if (budget < MIN_THINKING_BUDGET || budget >= maxTokens)
    throw new ThinkingError(
      `The thinking budget must be at least ${MIN_THINKING_BUDGET} and less than max tokens (${maxTokens}).`,
    );
  return { thinking: { type: "enabled", budget_tokens: Math.floor(budget), display: "summarized" } };
}

/** Sampling parameters the API refuses while thinking: temperature and top-k, and top-p below 0.95. */
export function samplingProblem(params: {
  temperature?: number;
  topP?: number;
  topK?: number;
}): string | null {
  if (params.temperature !== undefined) return "Temperature cannot be set while thinking is on.";
  if (params.topK !== undefined) return "Top-k cannot be set while thinking is on.";
  if (params.topP !== undefined && params.topP < 0.95)
    return "Top-p must be at least 0.95 while thinking is on.";
  return null;
}
