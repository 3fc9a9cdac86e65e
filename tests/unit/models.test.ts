import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_MODEL } from "@/lib/model/demo";
import { toModelInfo } from "@/lib/model/models";
import { type DoubleHandle, startDouble } from "../double/server";

type ApiModel = Parameters<typeof toModelInfo>[0];

const LISTED = (
  JSON.parse(readFileSync(new URL("../fixtures/anthropic/models.json", import.meta.url), "utf8")) as {
    response: { body: { data: ApiModel[] } };
  }
).response.body.data;

const thinking = (adaptive: boolean | undefined, enabled: boolean | undefined): ApiModel["capabilities"] => ({
  thinking: {
    types: {
      ...(adaptive === undefined ? {} : { adaptive: { supported: adaptive } }),
      ...(enabled === undefined ? {} : { enabled: { supported: enabled } }),
    },
  },
});

describe("toModelInfo", () => {
  it("maps every field of a listed model", () => {
    expect(
      toModelInfo({
        id: "claude-sonnet-4-6",
        display_name: "Claude Sonnet 4.6",
        max_input_tokens: 1_000_000,
        max_tokens: 128_000,
        capabilities: { image_input: { supported: true }, ...thinking(true, true) },
      }),
    ).toEqual({
      id: "claude-sonnet-4-6",
      displayName: "Claude Sonnet 4.6",
      contextWindow: 1_000_000,
      maxOutputTokens: 128_000,
      deprecated: false,
      samplingParams: true,
      imageInput: true,
      codeExecution: true,
      // No `effort` capability given: no effort levels.
      thinking: { adaptive: true, budget: true, effort: [] },
    });
  });

  it("adaptive-only thinking models get samplingParams false", () => {
    expect(toModelInfo({ id: "claude-opus-4-8", capabilities: thinking(true, false) }).samplingParams).toBe(
      false,
    );
  });

  it.each([
    [true, true],
    [false, true],
    [undefined, true],
    [true, undefined],
    [undefined, undefined],
  ])("adaptive %s / enabled %s → samplingParams true", (adaptive, enabled) => {
    expect(toModelInfo({ id: "m", capabilities: thinking(adaptive, enabled) }).samplingParams).toBe(true);
  });

  it("a model without capabilities takes sampling params and images", () => {
    const info = toModelInfo({ id: "m", capabilities: null });
    expect(info.samplingParams).toBe(true);
    expect(info.imageInput).toBe(true);
  });

  it("lifecycle deprecated → deprecated", () => {
    expect(toModelInfo({ id: "m", lifecycle: "deprecated" }).deprecated).toBe(true);
    expect(toModelInfo({ id: "m", lifecycle: "active" }).deprecated).toBe(false);
    expect(toModelInfo({ id: "m", lifecycle: null }).deprecated).toBe(false);
    expect(toModelInfo({ id: "m" }).deprecated).toBe(false);
  });

  it("falls back to the id, null context window and 8192 output tokens", () => {
    expect(
      toModelInfo({ id: "claude-x", display_name: "", max_input_tokens: null, max_tokens: null }),
    ).toEqual({
      id: "claude-x",
      displayName: "claude-x",
      contextWindow: null,
      maxOutputTokens: 8192,
      deprecated: false,
      samplingParams: true,
      imageInput: true,
      codeExecution: true,
      thinking: { adaptive: false, budget: false, effort: [] },
    });
  });

  it("image input is off only when explicitly unsupported", () => {
    expect(toModelInfo({ id: "m", capabilities: { image_input: { supported: false } } }).imageInput).toBe(
      false,
    );
    expect(toModelInfo({ id: "m", capabilities: { image_input: {} } }).imageInput).toBe(true);
  });

  it("maps the recorded Models API list", () => {
    const infos = LISTED.map(toModelInfo);
    expect(infos).toHaveLength(10);
    expect(infos.filter((info) => !info.samplingParams).map((info) => info.id)).toEqual([
      "claude-opus-5",
      "claude-sonnet-5",
      "claude-fable-5",
      "claude-opus-4-8",
      "claude-opus-4-7",
    ]);
    expect(infos.find((info) => info.id === "claude-haiku-4-5-20251001")).toEqual({
      id: "claude-haiku-4-5-20251001",
      displayName: "Claude Haiku 4.5",
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      deprecated: false,
      samplingParams: true,
      imageInput: true,
      codeExecution: true,
      thinking: { adaptive: false, budget: true, effort: [] },
    });
  });

  it("maps the demo model", () => {
    expect(toModelInfo(DEMO_MODEL)).toEqual({
      id: "demo",
      displayName: "Demo model (simulated, not Claude)",
      contextWindow: 200_000,
      maxOutputTokens: 8192,
      deprecated: false,
      samplingParams: true,
      imageInput: true,
      codeExecution: true,
      thinking: { adaptive: false, budget: false, effort: [] },
    });
  });
});

describe("toModelInfo: thinking support from capabilities", () => {
  const ALL_EFFORT = {
    supported: true,
    low: { supported: true },
    medium: { supported: true },
    high: { supported: true },
    xhigh: { supported: true },
    max: { supported: true },
  };

  it("maps every recorded model's thinking and effort capabilities", () => {
    const all = ["low", "medium", "high", "xhigh", "max"];
    const adaptiveOnly = { adaptive: true, budget: false, effort: all };
    const both = { adaptive: true, budget: true, effort: ["low", "medium", "high", "max"] };
    const budgetOnly = { adaptive: false, budget: true, effort: [] };
    expect(Object.fromEntries(LISTED.map((model) => [model.id, toModelInfo(model).thinking]))).toEqual({
      "claude-opus-5": adaptiveOnly,
      "claude-sonnet-5": adaptiveOnly,
      "claude-fable-5": adaptiveOnly,
      "claude-opus-4-8": adaptiveOnly,
      "claude-opus-4-7": adaptiveOnly,
      "claude-sonnet-4-6": both,
      "claude-opus-4-6": both,
      // Effort is listed (low..high) but there is no adaptive thinking to apply it to.
      "claude-opus-4-5-20251101": budgetOnly,
      "claude-haiku-4-5-20251001": budgetOnly,
      "claude-sonnet-4-5-20250929": budgetOnly,
    });
  });

  it.each([
    ["adaptive and enabled", thinking(true, true), { adaptive: true, budget: true }],
    ["adaptive only", thinking(true, false), { adaptive: true, budget: false }],
    ["enabled only", thinking(false, true), { adaptive: false, budget: true }],
    ["enabled, adaptive not listed", thinking(undefined, true), { adaptive: false, budget: true }],
    ["neither listed", thinking(undefined, undefined), { adaptive: false, budget: false }],
    ["no thinking capability", {}, { adaptive: false, budget: false }],
    ["no capabilities", null, { adaptive: false, budget: false }],
  ] as const)("%s", (_, capabilities, support) => {
    expect(toModelInfo({ id: "m", capabilities }).thinking).toEqual({ ...support, effort: [] });
  });

  it("thinking.supported false turns every type off", () => {
    expect(
      toModelInfo({
        id: "m",
        capabilities: {
          thinking: {
            supported: false,
            types: { adaptive: { supported: true }, enabled: { supported: true } },
          },
          effort: ALL_EFFORT,
        },
      }).thinking,
    ).toEqual({ adaptive: false, budget: false, effort: [] });
  });

  it("thinking.supported true with types: the types decide", () => {
    expect(
      toModelInfo({
        id: "m",
        capabilities: { thinking: { supported: true, types: { enabled: { supported: true } } } },
      }).thinking,
    ).toEqual({ adaptive: false, budget: true, effort: [] });
  });

  it("effort levels: only supported ones, lowest first, whatever the API's key order", () => {
    expect(
      toModelInfo({
        id: "m",
        capabilities: {
          ...thinking(true, false),
          effort: {
            max: { supported: true },
            xhigh: { supported: false },
            supported: true,
            low: { supported: true },
            high: { supported: true },
          },
        },
      }).thinking.effort,
    ).toEqual(["low", "high", "max"]);
  });

  it("no effort levels when effort is unsupported, absent, or the model has no adaptive thinking", () => {
    const effortOf = (capabilities: ApiModel["capabilities"]) =>
      toModelInfo({ id: "m", capabilities }).thinking.effort;
    expect(effortOf({ ...thinking(true, false), effort: { ...ALL_EFFORT, supported: false } })).toEqual([]);
    expect(effortOf({ ...thinking(true, false) })).toEqual([]);
    expect(effortOf({ ...thinking(false, true), effort: ALL_EFFORT })).toEqual([]);
    expect(effortOf({ effort: ALL_EFFORT })).toEqual([]);
  });

  it("ignores effort level names it does not know", () => {
    expect(
      toModelInfo({
        id: "m",
        capabilities: { ...thinking(true, false), effort: { supported: true, turbo: { supported: true } } },
      }).thinking.effort,
    ).toEqual([]);
  });
});

describe("listModels against the test double", () => {
  let double: DoubleHandle;
  const saved = { ...process.env };

  beforeAll(async () => {
    double = await startDouble({ port: 0 });
    process.env.ANTHROPIC_BASE_URL = double.url;
    process.env.ANTHROPIC_API_KEY = "test";
    process.env.ANTHROPIC_MAX_RETRIES = "0";
    delete process.env.DEFAULT_MODEL;
    // The static import above already read the environment (the model seam opens the database for
    // stored credentials): load the modules again under this one.
    vi.resetModules();
  });
  afterAll(async () => {
    for (const key of ["ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_MAX_RETRIES", "DEFAULT_MODEL"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await double.close();
  });

  it("returns the live list, mapped, and caches it", async () => {
    const { listModels, defaultModelId } = await import("@/lib/model/models");
    const first = await listModels();
    expect(first.live).toBe(true);
    expect(first.models).toEqual(LISTED.map(toModelInfo));
    const calls = double.requests.filter((request) => request.path.startsWith("/v1/models")).length;
    expect(calls).toBe(1);
    expect(double.requests[0]?.path).toBe("/v1/models?limit=100");

    const second = await listModels();
    expect(second.models).toBe(first.models);
    expect(double.requests).toHaveLength(calls);

    expect(defaultModelId(first.models)).toBe("claude-sonnet-4-6");
  });

  it("accepts only the listed model ids for a reply", async () => {
    const { acceptModel } = await import("@/lib/model/models");
    expect(await acceptModel("claude-sonnet-4-6")).toEqual({
      model: toModelInfo(LISTED.find((model) => model.id === "claude-sonnet-4-6")!),
    });
    for (const id of ["claude-sonnet-9", "gpt-4o", "claude-sonnet-4-6 ", "demo"]) {
      expect(await acceptModel(id)).toBeNull();
    }
  });
});

describe("listModels without the Models API", () => {
  const saved = { ...process.env };
  const keys = ["ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_MAX_RETRIES", "DEFAULT_MODEL"];

  beforeAll(() => {
    // Nothing listens on port 9 here: the request is refused at once.
    process.env.ANTHROPIC_BASE_URL = "http://127.0.0.1:9";
    process.env.ANTHROPIC_API_KEY = "test";
    process.env.ANTHROPIC_MAX_RETRIES = "0";
    delete process.env.DEFAULT_MODEL;
    vi.resetModules();
  });
  afterAll(() => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    vi.resetModules();
  });

  it("falls back to the built-in list, with the same thinking support as the recorded list", async () => {
    const { listModels } = await import("@/lib/model/models");
    const { models, live } = await listModels();
    expect(live).toBe(false);
    const recorded = new Map(LISTED.map((model) => [model.id, toModelInfo(model)]));
    expect(models.map((model) => model.id)).toEqual([...recorded.keys()]);
    for (const model of models) {
      expect({ id: model.id, thinking: model.thinking, samplingParams: model.samplingParams }).toEqual({
        id: model.id,
        thinking: recorded.get(model.id)?.thinking,
        samplingParams: recorded.get(model.id)?.samplingParams,
      });
    }
  });

  it("accepts the listed ids and any Claude-shaped id, nothing else", async () => {
    const { acceptModel } = await import("@/lib/model/models");
    expect((await acceptModel("claude-sonnet-4-6"))?.model?.id).toBe("claude-sonnet-4-6");
    expect(await acceptModel("claude-sonnet-9")).toEqual({ model: undefined });
    expect(await acceptModel("claude-3-5-haiku-20241022")).toEqual({ model: undefined });
    for (const id of [
      "gpt-4o",
      "demo",
      "claude-",
      "claude-sonnet-4-6/../x",
      "anthropic.claude-v2:1",
      "CLAUDE-X",
    ]) {
      expect(await acceptModel(id)).toBeNull();
    }
  });
});
