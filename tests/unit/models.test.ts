import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    });
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
});
