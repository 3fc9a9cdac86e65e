import { describe, expect, it } from "vitest";
import { paramsFor, paramsForModel, takesThinkingBudget, thinkingFor } from "@/components/chat/reply-params";
import type { ModelInfo } from "@/lib/model/types";

const base: Omit<ModelInfo, "thinking"> = {
  id: "m",
  displayName: "M",
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  deprecated: false,
  samplingParams: true,
  imageInput: true,
};
const adaptive: ModelInfo = {
  ...base,
  id: "adaptive",
  thinking: { adaptive: true, budget: false, effort: ["low", "medium", "high", "max"] },
};
const budget: ModelInfo = { ...base, id: "budget", thinking: { adaptive: false, budget: true, effort: [] } };
const plain: ModelInfo = { ...base, id: "plain", thinking: { adaptive: false, budget: false, effort: [] } };
const noSampling: ModelInfo = { ...adaptive, id: "fixed", samplingParams: false };

describe("paramsFor", () => {
  it("sends no thinking when it is off, and sampling as set", () => {
    expect(paramsFor(adaptive, { thinking: "off", temperature: 0.3, topK: 5 })).toEqual({
      temperature: 0.3,
      topK: 5,
    });
  });

  it("sends the effort level of an adaptive model, without temperature or top-k", () => {
    expect(paramsFor(adaptive, { thinking: "high", temperature: 0.3, topK: 5, maxTokens: 9000 })).toEqual({
      thinking: "high",
      maxTokens: 9000,
    });
  });

  it("sends top-p while thinking only from 0.95 up", () => {
    expect(paramsFor(adaptive, { thinking: "low", topP: 0.9 })).toEqual({ thinking: "low" });
    expect(paramsFor(adaptive, { thinking: "low", topP: 0.95 })).toEqual({ thinking: "low", topP: 0.95 });
  });

  it("sends the budget of a budget model with thinking on, and only then", () => {
    expect(paramsFor(budget, { thinking: "on", thinkingBudget: 4096 })).toEqual({
      thinking: "on",
      thinkingBudget: 4096,
    });
    expect(paramsFor(budget, { thinking: "off", thinkingBudget: 4096 })).toEqual({});
    expect(paramsFor(adaptive, { thinking: "high", thinkingBudget: 4096 })).toEqual({ thinking: "high" });
  });

  it("sends no thinking a model does not offer", () => {
    expect(paramsFor(plain, { thinking: "high", temperature: 0.5 })).toEqual({ temperature: 0.5 });
    expect(paramsFor(budget, { thinking: "max" })).toEqual({});
    expect(paramsFor(undefined, { thinking: "on", maxTokens: 10 })).toEqual({ maxTokens: 10 });
  });

  it("drops sampling for models that take none and caps max tokens", () => {
    expect(
      paramsFor(noSampling, { thinking: "off", temperature: 1, topP: 0.99, maxTokens: 999_999 }),
    ).toEqual({
      maxTokens: 64_000,
    });
  });

  it("keeps stop sequences", () => {
    expect(paramsFor(adaptive, { thinking: "max", stopSequences: ["END"] })).toEqual({
      thinking: "max",
      stopSequences: ["END"],
    });
  });
});

describe("paramsForModel", () => {
  it("carries the thinking choice to the next model", () => {
    expect(paramsForModel(budget, { thinking: "high" }).thinking).toBe("on");
    expect(paramsForModel(adaptive, { thinking: "on" }).thinking).toBe("high");
    expect(paramsForModel(plain, { thinking: "max" }).thinking).toBe("off");
    expect(paramsForModel(adaptive, { thinking: "medium" }).thinking).toBe("medium");
  });

  it("keeps the temperature while thinking (it is only not sent), drops it where not allowed", () => {
    expect(paramsForModel(budget, { thinking: "on", temperature: 0.2 })).toMatchObject({ temperature: 0.2 });
    expect(paramsForModel(noSampling, { thinking: "on", temperature: 0.2 }).temperature).toBeUndefined();
  });
});

describe("thinking helpers", () => {
  it("thinkingFor falls back to off", () => {
    expect(thinkingFor(adaptive, "xhigh")).toBe("off");
    expect(thinkingFor(adaptive, undefined)).toBe("off");
    expect(thinkingFor(adaptive, "max")).toBe("max");
  });

  it("only budget models take a budget", () => {
    expect([budget, adaptive, plain, undefined].map(takesThinkingBudget)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
