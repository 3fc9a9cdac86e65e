// The provider model table (lib/model/providers.json) applied: the picker's list on a platform without
// a Models API, prices by the Anthropic model each id is, and the features each platform lacks.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type Env, parseEnv } from "@/lib/env";
import fallbackModels from "@/lib/model/fallback-models.json";
import { canonicalModelId, PROVIDERS, providerEntry } from "@/lib/model/provider-models";
import { costUsd, priceOf } from "@/lib/pricing/cost";

let current: Env;
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  env: () => current,
}));

const ENVS = {
  anthropic: { ANTHROPIC_API_KEY: "k" },
  bedrock: { ANTHROPIC_PROVIDER: "bedrock", AWS_REGION: "us-east-1" },
  vertex: { ANTHROPIC_PROVIDER: "vertex", CLOUD_ML_REGION: "global", ANTHROPIC_VERTEX_PROJECT_ID: "p" },
  foundry: {
    ANTHROPIC_PROVIDER: "foundry",
    ANTHROPIC_FOUNDRY_RESOURCE: "team",
    ANTHROPIC_FOUNDRY_API_KEY: "k",
  },
} as const;

/** Fresh modules for `provider` (the model list is cached per process). */
async function use(provider: keyof typeof ENVS) {
  current = parseEnv(ENVS[provider]);
  vi.resetModules();
  return {
    models: await import("@/lib/model/models"),
    providers: await import("@/lib/model/providers"),
  };
}

beforeEach(() => {
  current = parseEnv(ENVS.anthropic);
});

describe("the table as data", () => {
  it("maps every platform id to an Anthropic model with a price and known capabilities", () => {
    const known = new Set(fallbackModels.map((model) => model.id));
    for (const name of PROVIDERS)
      for (const model of providerEntry(name).models) {
        expect(known, `${name} ${model.id}`).toContain(model.canonical);
        expect(priceOf(model.id), model.id).not.toBeNull();
      }
  });

  it("reads Bedrock and Vertex ids as the Anthropic model they are", () => {
    expect(canonicalModelId("global.anthropic.claude-haiku-4-5-20251001-v1:0")).toBe(
      "claude-haiku-4-5-20251001",
    );
    expect(canonicalModelId("claude-sonnet-4-5@20250929")).toBe("claude-sonnet-4-5-20250929");
    expect(canonicalModelId("claude-opus-4-8")).toBe("claude-opus-4-8");
  });
});

describe("prices per provider", () => {
  const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000, cacheReadTokens: 0, cacheWriteTokens: 0 };

  it("prices a global Bedrock profile and a Vertex id as on Anthropic's API", () => {
    expect(costUsd("global.anthropic.claude-sonnet-4-6-v1:0", usage)).toBe(18);
    expect(costUsd("claude-sonnet-4-5@20250929", usage)).toBe(18);
  });

  it("prices a regional Bedrock endpoint 10% higher", () => {
    expect(costUsd("us.anthropic.claude-sonnet-4-6-v1:0", usage)).toBeCloseTo(19.8, 10);
    expect(costUsd("anthropic.claude-haiku-4-5-20251001-v1:0", usage)).toBeCloseTo(6.6, 10);
  });

  it("still knows no price for an unknown id", () => {
    expect(priceOf("us.anthropic.claude-unknown-v1:0")).toBeNull();
  });
});

describe("the model picker on a platform", () => {
  it("lists Bedrock's table with the Anthropic model's capabilities, labelled by endpoint", async () => {
    const { models } = await use("bedrock");
    const { models: list, live } = await models.listModels();
    expect(live).toBe(true);
    expect(list.map((model) => model.id)).toEqual(providerEntry("bedrock").models.map((model) => model.id));
    const haiku = list.find((model) => model.id === "global.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(haiku).toMatchObject({ displayName: "Claude Haiku 4.5 (global)", contextWindow: 200000 });
    expect(models.defaultModelId(list)).toBe("global.anthropic.claude-sonnet-4-6-v1:0");
  });

  it("accepts only the platform's ids", async () => {
    const { models } = await use("vertex");
    expect(await models.acceptModel("claude-haiku-4-5@20251001")).not.toBeNull();
    expect(await models.acceptModel("claude-haiku-4-5-20251001")).toBeNull();
  });

  it("turns the configured title and summary models into the platform's ids", async () => {
    const { providers } = await use("bedrock");
    expect(providers.providerModelId("claude-haiku-4-5")).toBe(
      "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    );
    expect(providers.providerModelId("us.anthropic.claude-opus-4-6-v1:0")).toBe(
      "us.anthropic.claude-opus-4-6-v1:0",
    );
    const anthropic = await use("anthropic");
    expect(anthropic.providers.providerModelId("claude-haiku-4-5")).toBe("claude-haiku-4-5");
  });
});

describe("features a platform lacks", () => {
  it("Anthropic's API lacks nothing", async () => {
    const { providers } = await use("anthropic");
    expect(providers.providerDisabledTools()).toEqual([]);
    expect(providers.providerLacks("batches")).toBe(false);
    expect(providers.providerModels()).toBeNull();
  });

  it("Bedrock: no server tools, batches, Files API, counting or URL images", async () => {
    const { providers } = await use("bedrock");
    expect(providers.providerDisabledTools()).toEqual([
      "web_search",
      "web_fetch",
      "code_execution",
      "connectors",
    ]);
    for (const feature of ["batches", "files_api", "count_tokens", "url_images"] as const)
      expect(providers.providerLacks(feature)).toBe(true);
  });

  it("Vertex AI keeps web search; Foundry keeps the tools and URL images but has no batches", async () => {
    const vertex = await use("vertex");
    expect(vertex.providers.providerDisabledTools()).toEqual(["web_fetch", "code_execution", "connectors"]);
    const foundry = await use("foundry");
    expect(foundry.providers.providerDisabledTools()).toEqual([]);
    expect(foundry.providers.providerLacks("batches")).toBe(true);
    expect(foundry.providers.providerLacks("url_images")).toBe(false);
  });
});

describe("the model a call is billed as", () => {
  it("is the reply's model on Anthropic's API (an alias answered by its dated id)", async () => {
    const { providers } = await use("anthropic");
    expect(providers.billedModel("claude-haiku-4-5", "claude-haiku-4-5-20251001")).toBe(
      "claude-haiku-4-5-20251001",
    );
  });

  it("is the requested platform id on a platform (its reply names Anthropic's model)", async () => {
    const { providers } = await use("bedrock");
    expect(providers.billedModel("us.anthropic.claude-sonnet-4-6-v1:0", "claude-sonnet-4-6")).toBe(
      "us.anthropic.claude-sonnet-4-6-v1:0",
    );
  });
});
