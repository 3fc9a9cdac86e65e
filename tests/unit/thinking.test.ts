// The Thinking control's choices and the request fields they become, for the real models' capabilities.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  carryThinkingChoice,
  MIN_THINKING_BUDGET,
  samplingProblem,
  THINKING_CHOICES,
  type ThinkingChoice,
  ThinkingError,
  thinkingChoices,
  thinkingFields,
} from "@/lib/chat/thinking";
import { DEMO_MODEL } from "@/lib/model/demo";
import { toModelInfo } from "@/lib/model/models";
import type { ModelInfo } from "@/lib/model/types";

type ApiModel = Parameters<typeof toModelInfo>[0];

const LISTED = (
  JSON.parse(readFileSync(new URL("../fixtures/anthropic/models.json", import.meta.url), "utf8")) as {
    response: { body: { data: ApiModel[] } };
  }
).response.body.data.map(toModelInfo);

function listed(id: string): ModelInfo {
  const model = LISTED.find((info) => info.id === id);
  if (!model) throw new Error(`${id} is not in the fixture`);
  return model;
}

const opus48 = listed("claude-opus-4-8");
const sonnet46 = listed("claude-sonnet-4-6");
const sonnet45 = listed("claude-sonnet-4-5-20250929");
const haiku45 = listed("claude-haiku-4-5-20251001");
const opus45 = listed("claude-opus-4-5-20251101");
const demo = toModelInfo(DEMO_MODEL);
/** Adaptive thinking without effort levels (no such model is listed today). */
const adaptiveNoEffort = toModelInfo({
  id: "claude-adaptive",
  display_name: "Adaptive",
  max_tokens: 64_000,
  capabilities: {
    thinking: { supported: true, types: { adaptive: { supported: true }, enabled: { supported: false } } },
    effort: { supported: false },
  },
});
/** Adaptive with only some effort levels. */
const adaptiveLowMedium = toModelInfo({
  id: "claude-adaptive-lm",
  capabilities: {
    thinking: { types: { adaptive: { supported: true }, enabled: { supported: false } } },
    effort: { supported: true, low: { supported: true }, medium: { supported: true } },
  },
});

describe("the fixture models' thinking support", () => {
  it("is what the Models API capabilities say", () => {
    expect(opus48.thinking).toEqual({
      adaptive: true,
      budget: false,
      effort: ["low", "medium", "high", "xhigh", "max"],
    });
    expect(sonnet46.thinking).toEqual({
      adaptive: true,
      budget: true,
      effort: ["low", "medium", "high", "max"],
    });
    expect(sonnet45.thinking).toEqual({ adaptive: false, budget: true, effort: [] });
    expect(haiku45.thinking).toEqual({ adaptive: false, budget: true, effort: [] });
    expect(demo.thinking).toEqual({ adaptive: false, budget: false, effort: [] });
  });
});

describe("thinkingChoices", () => {
  it.each([
    [
      "Opus 4.8 (adaptive only, every effort level)",
      opus48,
      ["off", "low", "medium", "high", "xhigh", "max"],
    ],
    ["Sonnet 4.6 (adaptive and budget, no xhigh)", sonnet46, ["off", "low", "medium", "high", "max"]],
    ["Sonnet 4.5 (budget only)", sonnet45, ["off", "on"]],
    ["Haiku 4.5 (budget only)", haiku45, ["off", "on"]],
    // Effort is listed for Opus 4.5, but it has no adaptive thinking: its thinking is a budget.
    ["Opus 4.5 (budget only, effort listed)", opus45, ["off", "on"]],
    ["an adaptive model without effort levels", adaptiveNoEffort, ["off", "on"]],
    ["an adaptive model with some effort levels", adaptiveLowMedium, ["off", "low", "medium"]],
    ["the demo model (cannot think)", demo, []],
    ["an unknown model", undefined, []],
  ] as const)("%s", (_, model, choices) => {
    expect(thinkingChoices(model)).toEqual(choices);
  });

  it("every listed model that can think offers off first, and only known choices", () => {
    for (const model of LISTED) {
      const choices = thinkingChoices(model);
      expect(choices[0]).toBe("off");
      for (const choice of choices) expect(THINKING_CHOICES).toContain(choice);
    }
  });
});

describe("carryThinkingChoice", () => {
  it.each([
    // Offered by the new model: kept.
    ["high", sonnet46, "high"],
    ["max", sonnet46, "max"],
    ["low", opus48, "low"],
    ["on", haiku45, "on"],
    ["on", adaptiveNoEffort, "on"],
    // off stays off.
    ["off", opus48, "off"],
    ["off", sonnet45, "off"],
    // on → an effort model: the API's default effort.
    ["on", opus48, "high"],
    ["on", sonnet46, "high"],
    // …or the highest offered when that has no "high".
    ["on", adaptiveLowMedium, "medium"],
    // An effort level → a budget model: on.
    ["low", sonnet45, "on"],
    ["xhigh", haiku45, "on"],
    ["max", opus45, "on"],
    ["high", adaptiveNoEffort, "on"],
    // A model that cannot think, or none: off.
    ["high", demo, "off"],
    ["on", demo, "off"],
    ["on", undefined, "off"],
  ] as const)("%s → %s gives %s", (choice, model, carried) => {
    expect(carryThinkingChoice(choice, model)).toBe(carried);
  });

  it("always returns a choice the model offers (or off)", () => {
    for (const model of [...LISTED, demo, adaptiveNoEffort, adaptiveLowMedium]) {
      for (const choice of THINKING_CHOICES) {
        const carried = carryThinkingChoice(choice, model);
        expect(carried === "off" || thinkingChoices(model).includes(carried)).toBe(true);
      }
    }
  });

  // Opus 4.8 at xhigh → Sonnet 4.6, which offers low, medium, high and max but not xhigh: thinking
  // stays on at the nearest level below.
  it("an effort level the new model lacks keeps thinking on at a level it offers", () => {
    expect(carryThinkingChoice("xhigh", sonnet46)).toBe("high");
  });
});

describe("thinkingFields", () => {
  const fields = (
    model: ModelInfo | undefined,
    choice: ThinkingChoice | undefined,
    maxTokens = 16_000,
    budgetTokens?: number,
  ) => thinkingFields({ model, choice, maxTokens, budgetTokens });

  function thinkingError(fn: () => unknown): string {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ThinkingError);
      return (error as Error).message;
    }
    throw new Error("expected a ThinkingError");
  }

  it("off (or no choice) sends nothing, for every model: never type disabled", () => {
    for (const model of [...LISTED, demo, undefined]) {
      expect(fields(model, "off")).toEqual({});
      expect(fields(model, undefined)).toEqual({});
    }
  });

  it.each(["low", "medium", "high", "xhigh", "max"] as const)(
    "Opus 4.8 at %s: adaptive, summarized, that effort",
    (effort) => {
      expect(fields(opus48, effort)).toEqual({
        thinking: { type: "adaptive", display: "summarized" },
        output_config: { effort },
      });
    },
  );

  it("Sonnet 4.6 thinks adaptively at an effort, even though it also takes a budget", () => {
    expect(fields(sonnet46, "medium", 16_000, 4096)).toEqual({
      thinking: { type: "adaptive", display: "summarized" },
      output_config: { effort: "medium" },
    });
  });

  it("adaptive without effort levels: on sends adaptive thinking and no output_config", () => {
    const result = fields(adaptiveNoEffort, "on");
    expect(result).toEqual({ thinking: { type: "adaptive", display: "summarized" } });
    expect(Object.hasOwn(result, "output_config")).toBe(false);
  });

  it("adaptive thinking ignores max tokens at or below the budget minimum", () => {
    expect(fields(opus48, "low", 1000)).toEqual({
      thinking: { type: "adaptive", display: "summarized" },
      output_config: { effort: "low" },
    });
  });

  it.each([
    // min(10000, max/2), but at least 1024.
    [16_000, 8000],
    [64_000, 10_000],
    [20_000, 10_000],
    [4096, 2048],
    [2000, 1024],
    [1025, 1024],
    [3001, 1500],
  ])("budget models: on with max tokens %i → default budget %i", (maxTokens, budget) => {
    for (const model of [sonnet45, haiku45]) {
      expect(fields(model, "on", maxTokens)).toEqual({
        thinking: { type: "enabled", budget_tokens: budget, display: "summarized" },
      });
    }
  });

  it.each([
    [16_000, 1024],
    [16_000, 15_999],
    [64_000, 32_000],
  ])("budget models: max tokens %i, explicit budget %i is sent", (maxTokens, budget) => {
    expect(fields(sonnet45, "on", maxTokens, budget)).toEqual({
      thinking: { type: "enabled", budget_tokens: budget, display: "summarized" },
    });
  });

  it("refuses a budget below 1024 or not below max tokens", () => {
    const message = "The thinking budget must be at least 1024 and less than max tokens (16000).";
    expect(thinkingError(() => fields(sonnet45, "on", 16_000, 1023))).toBe(message);
    expect(thinkingError(() => fields(sonnet45, "on", 16_000, 16_000))).toBe(message);
    expect(thinkingError(() => fields(sonnet45, "on", 16_000, 20_000))).toBe(message);
    expect(thinkingError(() => fields(sonnet45, "on", 16_000, 0))).toBe(message);
  });

  it.each([1024, 1000, 1])(
    "refuses thinking on a budget model with max tokens %i (not above 1024)",
    (maxTokens) => {
      expect(thinkingError(() => fields(haiku45, "on", maxTokens))).toBe(
        "Thinking needs max tokens above 1024.",
      );
    },
  );

  it.each([
    [opus48, "on", 'Claude Opus 4.8 does not offer thinking "on".'],
    [sonnet46, "on", 'Claude Sonnet 4.6 does not offer thinking "on".'],
    [sonnet46, "xhigh", 'Claude Sonnet 4.6 does not offer thinking "xhigh".'],
    [sonnet45, "high", 'Claude Sonnet 4.5 does not offer thinking "high".'],
    [haiku45, "max", 'Claude Haiku 4.5 does not offer thinking "max".'],
    [demo, "on", 'Demo model (simulated, not Claude) does not offer thinking "on".'],
    [undefined, "high", 'This model does not offer thinking "high".'],
  ] as const)("refuses a choice the model does not offer (%#)", (model, choice, message) => {
    expect(thinkingError(() => fields(model, choice))).toBe(message);
  });

  it("never asks for disabled thinking and always asks for a summarized display", () => {
    for (const model of [...LISTED, adaptiveNoEffort]) {
      for (const choice of thinkingChoices(model)) {
        const result = fields(model, choice);
        expect(JSON.stringify(result)).not.toContain("disabled");
        if (choice !== "off") expect(result.thinking).toMatchObject({ display: "summarized" });
      }
    }
  });

  it("exports the API's minimum budget", () => {
    expect(MIN_THINKING_BUDGET).toBe(1024);
  });
});

describe("samplingProblem", () => {
  it.each([
    [{}, null],
    [{ topP: 0.95 }, null],
    [{ topP: 1 }, null],
    [{ temperature: 1 }, "Temperature cannot be set while thinking is on."],
    [{ temperature: 0 }, "Temperature cannot be set while thinking is on."],
    [{ topK: 40 }, "Top-k cannot be set while thinking is on."],
    [{ topK: 0 }, "Top-k cannot be set while thinking is on."],
    [{ topP: 0.94 }, "Top-p must be at least 0.95 while thinking is on."],
    [{ topP: 0 }, "Top-p must be at least 0.95 while thinking is on."],
    [{ temperature: 1, topK: 5 }, "Temperature cannot be set while thinking is on."],
    [{ topK: 5, topP: 0.5 }, "Top-k cannot be set while thinking is on."],
  ])("%j → %s", (params, problem) => {
    expect(samplingProblem(params)).toBe(problem);
  });
});
