import { describe, expect, it } from "vitest";
import {
  buildReplyRequest,
  checkParams,
  type HistoryMessage,
  opaqueUserId,
  ParamsError,
  toApiMessages,
} from "@/lib/chat/request";
import type { ModelInfo } from "@/lib/model/types";

const sonnet: ModelInfo = {
  id: "claude-sonnet-4-6",
  displayName: "Claude Sonnet 4.6",
  contextWindow: 1_000_000,
  maxOutputTokens: 64_000,
  deprecated: false,
  samplingParams: true,
  imageInput: true,
};

const adaptiveOnly: ModelInfo = {
  ...sonnet,
  id: "claude-opus-4-8",
  displayName: "Claude Opus 4.8",
  maxOutputTokens: 128_000,
  samplingParams: false,
};

const small: ModelInfo = { ...sonnet, id: "small", displayName: "Small", maxOutputTokens: 4096 };

const history: HistoryMessage[] = [
  { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
  {
    role: "assistant",
    content: [
      { type: "thinking", thinking: "Simple arithmetic.", signature: "sig" },
      { type: "text", text: "4" },
      { type: "tool_use", id: "toolu_1", name: "calc", input: {} },
    ],
  },
  {
    role: "user",
    content: [
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
      { type: "text", text: "And this?" },
    ],
  },
];

function build(overrides: Partial<Parameters<typeof buildReplyRequest>[0]> = {}) {
  return buildReplyRequest({
    modelId: "claude-sonnet-4-6",
    model: sonnet,
    history,
    system: null,
    params: {},
    userId: "user_cm123",
    promptCaching: false,
    ...overrides,
  });
}

function paramsError(fn: () => unknown): ParamsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    return error as ParamsError;
  }
  throw new Error("expected a ParamsError");
}

describe("toApiMessages", () => {
  it("sends earlier assistant turns as text only and user turns verbatim", () => {
    expect(toApiMessages(history)).toEqual([
      { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
      { role: "assistant", content: [{ type: "text", text: "4" }] },
      {
        role: "user",
        content: [
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
          { type: "text", text: "And this?" },
        ],
      },
    ]);
  });

  it("drops assistant turns with no text (failed, stopped early, thinking only)", () => {
    expect(
      toApiMessages([
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        { role: "assistant", content: [] },
        { role: "assistant", content: [{ type: "text", text: "" }] },
        { role: "assistant", content: [{ type: "thinking", thinking: "…" }] },
        { role: "user", content: [{ type: "text", text: "Hello?" }] },
      ]),
    ).toEqual([
      { role: "user", content: [{ type: "text", text: "Hi" }] },
      { role: "user", content: [{ type: "text", text: "Hello?" }] },
    ]);
  });

  it("drops empty text blocks but keeps the rest of the turn", () => {
    expect(
      toApiMessages([
        {
          role: "assistant",
          content: [
            { type: "text", text: "" },
            { type: "text", text: "Part two" },
          ],
        },
      ]),
    ).toEqual([{ role: "assistant", content: [{ type: "text", text: "Part two" }] }]);
  });

  it("maps any non-assistant role to user", () => {
    expect(toApiMessages([{ role: "system", content: [{ type: "text", text: "x" }] }])).toEqual([
      { role: "user", content: [{ type: "text", text: "x" }] },
    ]);
  });

  it("does not modify the history", () => {
    const copy = structuredClone(history);
    toApiMessages(history);
    expect(history).toEqual(copy);
  });
});

describe("checkParams", () => {
  it("accepts the model maximum", () => {
    expect(() => checkParams({ maxTokens: 64_000 }, sonnet)).not.toThrow();
  });

  it("rejects max tokens over the model maximum", () => {
    expect(paramsError(() => checkParams({ maxTokens: 64_001 }, sonnet)).message).toBe(
      "Max tokens must be at most 64000 for Claude Sonnet 4.6.",
    );
  });

  it("accepts any max tokens for an unknown model", () => {
    expect(() => checkParams({ maxTokens: 1_000_000 }, undefined)).not.toThrow();
  });

  it.each([
    [{ temperature: 0.5 }, "temperature"],
    [{ topP: 0.9 }, "topP"],
    [{ topK: 40 }, "topK"],
    [{ temperature: 0, topK: 5 }, "temperature, topK"],
  ])("rejects sampling params %j for a model without sampling params", (params, names) => {
    expect(paramsError(() => checkParams(params, adaptiveOnly)).message).toBe(
      `Claude Opus 4.8 does not accept ${names}; leave them at their defaults.`,
    );
  });

  it("accepts sampling params for a model that takes them", () => {
    expect(() => checkParams({ temperature: 0, topK: 5 }, sonnet)).not.toThrow();
    expect(() => checkParams({ topP: 0.5 }, sonnet)).not.toThrow();
  });

  it("accepts max tokens and stop sequences for a model without sampling params", () => {
    expect(() => checkParams({ maxTokens: 1000, stopSequences: ["END"] }, adaptiveOnly)).not.toThrow();
  });

  it("rejects temperature and top-p together", () => {
    expect(paramsError(() => checkParams({ temperature: 0.2, topP: 0.9 }, sonnet)).message).toBe(
      "Set temperature or top-p, not both.",
    );
    expect(paramsError(() => checkParams({ temperature: 0.2, topP: 0.9 }, undefined)).message).toBe(
      "Set temperature or top-p, not both.",
    );
  });
});

describe("buildReplyRequest", () => {
  it("builds the request with defaults", () => {
    expect(build()).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 16_000,
      messages: toApiMessages(history),
      metadata: { user_id: opaqueUserId("user_cm123") },
    });
  });

  it("includes the system prompt only when set", () => {
    expect(build({ system: "Answer briefly." }).system).toBe("Answer briefly.");
    expect("system" in build({ system: null })).toBe(false);
    expect("system" in build({ system: "" })).toBe(false);
  });

  it("defaults max_tokens to min(16000, model max)", () => {
    expect(build({ model: sonnet }).max_tokens).toBe(16_000);
    expect(build({ model: small }).max_tokens).toBe(4096);
    expect(build({ model: undefined }).max_tokens).toBe(8192);
  });

  it("uses the requested max_tokens", () => {
    expect(build({ params: { maxTokens: 1234 } }).max_tokens).toBe(1234);
  });

  it("throws ParamsError for max tokens over the model maximum", () => {
    expect(paramsError(() => build({ model: small, params: { maxTokens: 4097 } })).message).toBe(
      "Max tokens must be at most 4096 for Small.",
    );
  });

  it("rejects sampling params for a model with samplingParams false", () => {
    paramsError(() => build({ modelId: adaptiveOnly.id, model: adaptiveOnly, params: { temperature: 1 } }));
  });

  it("rejects temperature together with top-p", () => {
    paramsError(() => build({ params: { temperature: 1, topP: 0.5 } }));
  });

  it("maps sampling params to API names", () => {
    // SDK 1.12's MessageCreateParamsBase does not declare the sampling fields: read them untyped.
    const request = build({ params: { temperature: 0, topK: 10 } }) as unknown as Record<string, unknown>;
    expect(request.temperature).toBe(0);
    expect(request.top_k).toBe(10);
    expect("top_p" in request).toBe(false);
    expect((build({ params: { topP: 0.25 } }) as unknown as Record<string, unknown>).top_p).toBe(0.25);
  });

  it("passes stop sequences and omits an empty list", () => {
    expect(build({ params: { stopSequences: ["END", "STOP"] } }).stop_sequences).toEqual(["END", "STOP"]);
    expect("stop_sequences" in build({ params: { stopSequences: [] } })).toBe(false);
  });

  it("omits unset sampling params entirely", () => {
    const request = build();
    for (const key of ["temperature", "top_p", "top_k", "stop_sequences", "system"]) {
      expect(Object.hasOwn(request, key)).toBe(false);
    }
  });
});

describe("opaqueUserId", () => {
  it("is 32 hex characters that do not contain the user id", () => {
    const id = opaqueUserId("user_cm123");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toContain("user_cm123");
    expect(id).not.toContain("cm123");
  });

  it("is stable per user and different between users", () => {
    expect(opaqueUserId("alice")).toBe(opaqueUserId("alice"));
    expect(opaqueUserId("alice")).not.toBe(opaqueUserId("bob"));
  });

  it("is the salted SHA-256 prefix", async () => {
    const { createHash } = await import("node:crypto");
    expect(opaqueUserId("alice")).toBe(
      createHash("sha256").update("claude-chat-user:alice").digest("hex").slice(0, 32),
    );
    // Not the unsalted hash of the id (which anyone could compute from a known id).
    expect(opaqueUserId("alice")).not.toBe(createHash("sha256").update("alice").digest("hex").slice(0, 32));
  });

  it("is what buildReplyRequest sends as metadata.user_id", () => {
    const request = build({ userId: "user_42" });
    expect(request.metadata).toEqual({ user_id: opaqueUserId("user_42") });
    expect(JSON.stringify(request)).not.toContain("user_42");
  });
});
