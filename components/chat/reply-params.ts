// The composer's reply settings: what the controls hold, and what a send actually asks for.
import type { ReplyParams } from "@/lib/chat/request";
import {
  carryThinkingChoice,
  samplingProblem,
  type ThinkingChoice,
  thinkingChoices,
} from "@/lib/chat/thinking";
import type { ModelInfo } from "@/lib/model/types";

/** What the controls hold: the thinking choice always, other fields when set. */
export type ParamsState = ReplyParams & { thinking: ThinkingChoice };

/** Budget models take a thinking budget; adaptive ones choose it themselves. */
export function takesThinkingBudget(model: ModelInfo | undefined): boolean {
  return Boolean(model?.thinking.budget && !model.thinking.adaptive);
}

/** The choice in effect for `model`: "off" where it cannot think. */
export function thinkingFor(
  model: ModelInfo | undefined,
  choice: ThinkingChoice | undefined,
): ThinkingChoice {
  const current = choice ?? "off";
  return thinkingChoices(model).includes(current) ? current : "off";
}

/** The controls after switching to `model`: max tokens capped, sampling kept only where allowed. */
export function paramsForModel(model: ModelInfo | undefined, params: ParamsState): ParamsState {
  if (!model) return params;
  const { temperature, topP, topK, maxTokens, thinking, ...rest } = params;
  return {
    ...rest,
    thinking: carryThinkingChoice(thinking, model),
    ...(maxTokens !== undefined ? { maxTokens: Math.min(maxTokens, model.maxOutputTokens) } : {}),
    ...(model.samplingParams ? { temperature, topP, topK } : {}),
  };
}

/**
 * What a send, edit or retry asks for: thinking only when on (with the budget on budget models),
 * and, while thinking, no temperature or top-k, top-p only where the API takes it (≥ 0.95).
 */
export function paramsFor(model: ModelInfo | undefined, params: ReplyParams): ReplyParams {
  const { temperature, topP, topK, maxTokens, thinking, thinkingBudget, ...rest } = params;
  const choice = thinkingFor(model, thinking);
  const sampling = model?.samplingParams !== false;
  const thinkingOn = choice !== "off";
  const budget = thinkingOn && takesThinkingBudget(model) ? thinkingBudget : undefined;
  const keptTopP = thinkingOn && samplingProblem({ topP }) !== null ? undefined : topP;
  const sent: ReplyParams = {
    ...rest,
    ...(maxTokens !== undefined
      ? { maxTokens: model ? Math.min(maxTokens, model.maxOutputTokens) : maxTokens }
      : {}),
    ...(thinkingOn ? { thinking: choice } : {}),
    ...(budget !== undefined ? { thinkingBudget: budget } : {}),
    ...(sampling && !thinkingOn ? { temperature, topK } : {}),
    ...(sampling ? { topP: keptTopP } : {}),
  };
  // Unset fields are left out rather than sent as undefined.
  return Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined)) as ReplyParams;
}
