import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import type { ContentBlock } from "@/lib/chat/content";
import {
  buildReplyRequest,
  checkParams,
  type HistoryMessage,
  opaqueUserId,
  ParamsError,
  type ReplyParams,
  replySpec,
  stepRequest,
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
  thinking: { adaptive: true, budget: true, effort: ["low", "medium", "high", "max"] },
};

const adaptiveOnly: ModelInfo = {
  ...sonnet,
  id: "claude-opus-4-8",
  displayName: "Claude Opus 4.8",
  maxOutputTokens: 128_000,
  samplingParams: false,
  thinking: { adaptive: true, budget: false, effort: ["low", "medium", "high", "xhigh", "max"] },
};

const budgetOnly: ModelInfo = {
  ...sonnet,
  id: "claude-sonnet-4-5-20250929",
  displayName: "Claude Sonnet 4.5",
  contextWindow: 200_000,
  thinking: { adaptive: false, budget: true, effort: [] },
};

const small: ModelInfo = {
  ...sonnet,
  id: "small",
  displayName: "Small",
  maxOutputTokens: 4096,
  thinking: { adaptive: false, budget: true, effort: [] },
};

const noThinking: ModelInfo = {
  ...sonnet,
  id: "plain",
  displayName: "Plain",
  thinking: { adaptive: false, budget: false, effort: [] },
};

const searchTool: Tool = {
  name: "search_conversations",
  description: "Search.",
  input_schema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
};

const history: HistoryMessage[] = [
  { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
  {
    role: "assistant",
    model: "claude-sonnet-4-6",
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

  it.each([
    [{ temperature: 1 }, "Temperature cannot be set while thinking is on."],
    [{ temperature: 0 }, "Temperature cannot be set while thinking is on."],
    [{ topK: 40 }, "Top-k cannot be set while thinking is on."],
    [{ topP: 0.9 }, "Top-p must be at least 0.95 while thinking is on."],
  ])("rejects %j while thinking", (sampling, message) => {
    expect(paramsError(() => checkParams({ ...sampling, thinking: "high" }, sonnet)).message).toBe(message);
    expect(paramsError(() => checkParams({ ...sampling, thinking: "on" }, budgetOnly)).message).toBe(message);
    expect(paramsError(() => checkParams({ ...sampling, thinking: "on" }, undefined)).message).toBe(message);
  });

  it("accepts top-p of at least 0.95 while thinking, and any sampling with thinking off", () => {
    expect(() => checkParams({ topP: 0.95, thinking: "high" }, sonnet)).not.toThrow();
    expect(() => checkParams({ topP: 1, thinking: "on" }, budgetOnly)).not.toThrow();
    expect(() => checkParams({ temperature: 1, topK: 5, thinking: "off" }, sonnet)).not.toThrow();
    expect(() => checkParams({ topP: 0.1 }, sonnet)).not.toThrow();
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
  it("builds the request with defaults: no thinking, no tools, earlier replies as their text", () => {
    expect(build()).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 16_000,
      messages: [
        { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
        // Thinking is off and the tool call is unanswered: only the text is sent again.
        { role: "assistant", content: [{ type: "text", text: "4" }] },
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "text", text: "And this?" },
          ],
        },
      ],
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

describe("buildReplyRequest: thinking", () => {
  const on = (model: ModelInfo, params: ReplyParams = {}) => build({ modelId: model.id, model, params });

  it.each(["low", "medium", "high", "xhigh", "max"] as const)(
    "adaptive model at effort %s: adaptive thinking, summarized, output_config.effort",
    (effort) => {
      const request = on(adaptiveOnly, { thinking: effort });
      expect(request.thinking).toEqual({ type: "adaptive", display: "summarized" });
      expect(request.output_config).toEqual({ effort });
      expect(request.max_tokens).toBe(16_000);
    },
  );

  it("a model with adaptive and budget thinking thinks adaptively at an effort", () => {
    const request = on(sonnet, { thinking: "medium", thinkingBudget: 4096 });
    expect(request.thinking).toEqual({ type: "adaptive", display: "summarized" });
    expect(request.output_config).toEqual({ effort: "medium" });
  });

  it("budget model on: the default budget is min(10000, max tokens / 2), at least 1024", () => {
    expect(on(budgetOnly, { thinking: "on" }).thinking).toEqual({
      type: "enabled",
      budget_tokens: 8000,
      display: "summarized",
    });
    expect(on(budgetOnly, { thinking: "on", maxTokens: 64_000 }).thinking).toMatchObject({
      budget_tokens: 10_000,
    });
    expect(on(budgetOnly, { thinking: "on", maxTokens: 1500 }).thinking).toMatchObject({
      budget_tokens: 1024,
    });
    // Small model: max tokens defaults to its maximum, 4096.
    expect(on(small, { thinking: "on" })).toMatchObject({
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 2048 },
    });
    expect(Object.hasOwn(on(budgetOnly, { thinking: "on" }), "output_config")).toBe(false);
  });

  it("budget model on: an explicit budget is sent", () => {
    expect(on(budgetOnly, { thinking: "on", thinkingBudget: 12_000, maxTokens: 20_000 }).thinking).toEqual({
      type: "enabled",
      budget_tokens: 12_000,
      display: "summarized",
    });
    expect(on(budgetOnly, { thinking: "on", thinkingBudget: 1024 }).thinking).toMatchObject({
      budget_tokens: 1024,
    });
  });

  it("refuses thinking on a budget model when max tokens is not above 1024", () => {
    expect(paramsError(() => on(budgetOnly, { thinking: "on", maxTokens: 1024 })).message).toBe(
      "Thinking needs max tokens above 1024.",
    );
    expect(paramsError(() => on(budgetOnly, { thinking: "on", maxTokens: 500 })).message).toBe(
      "Thinking needs max tokens above 1024.",
    );
  });

  it("refuses a budget not below max tokens, or below 1024", () => {
    const message = "The thinking budget must be at least 1024 and less than max tokens (16000).";
    expect(paramsError(() => on(budgetOnly, { thinking: "on", thinkingBudget: 16_000 })).message).toBe(
      message,
    );
    expect(paramsError(() => on(budgetOnly, { thinking: "on", thinkingBudget: 30_000 })).message).toBe(
      message,
    );
    expect(paramsError(() => on(budgetOnly, { thinking: "on", thinkingBudget: 1000 })).message).toBe(message);
    expect(paramsError(() => on(small, { thinking: "on", thinkingBudget: 4096 })).message).toBe(
      "The thinking budget must be at least 1024 and less than max tokens (4096).",
    );
  });

  it.each([
    [{ temperature: 0.7 }, "Temperature cannot be set while thinking is on."],
    [{ topK: 10 }, "Top-k cannot be set while thinking is on."],
    [{ topP: 0.5 }, "Top-p must be at least 0.95 while thinking is on."],
  ])("refuses %j while thinking", (sampling, message) => {
    expect(paramsError(() => on(sonnet, { thinking: "high", ...sampling })).message).toBe(message);
    expect(paramsError(() => on(budgetOnly, { thinking: "on", ...sampling })).message).toBe(message);
  });

  it("sends top-p of at least 0.95 while thinking", () => {
    const request = on(budgetOnly, { thinking: "on", topP: 0.95 }) as unknown as Record<string, unknown>;
    expect(request.top_p).toBe(0.95);
    expect(request.thinking).toMatchObject({ type: "enabled" });
  });

  it.each([
    [adaptiveOnly, "on", 'Claude Opus 4.8 does not offer thinking "on".'],
    [sonnet, "xhigh", 'Claude Sonnet 4.6 does not offer thinking "xhigh".'],
    [sonnet, "on", 'Claude Sonnet 4.6 does not offer thinking "on".'],
    [budgetOnly, "high", 'Claude Sonnet 4.5 does not offer thinking "high".'],
    [noThinking, "on", 'Plain does not offer thinking "on".'],
  ] as const)("refuses a thinking choice the model does not offer (%#)", (model, choice, message) => {
    expect(paramsError(() => on(model, { thinking: choice })).message).toBe(message);
  });

  it("refuses thinking for an unknown model", () => {
    expect(paramsError(() => build({ model: undefined, params: { thinking: "high" } })).message).toBe(
      'This model does not offer thinking "high".',
    );
  });

  it("thinking off (or unset) sends no thinking field at all, never type disabled", () => {
    for (const model of [sonnet, adaptiveOnly, budgetOnly, small, noThinking]) {
      for (const params of [
        { thinking: "off" as const },
        {},
        { thinking: "off" as const, thinkingBudget: 2048 },
      ]) {
        const request = on(model, params);
        expect(Object.hasOwn(request, "thinking")).toBe(false);
        expect(Object.hasOwn(request, "output_config")).toBe(false);
        expect(JSON.stringify(request)).not.toContain("disabled");
      }
    }
  });

  it("sends earlier thinking of the same model back while thinking, and drops it when off", () => {
    const thinkingOn = on(sonnet, { thinking: "high" });
    expect(thinkingOn.messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Simple arithmetic.", signature: "sig" },
        { type: "text", text: "4" },
      ],
    });
    expect(on(sonnet).messages[1]).toEqual({ role: "assistant", content: [{ type: "text", text: "4" }] });
    // Another model: its signatures are not valid here.
    expect(on(adaptiveOnly, { thinking: "high" }).messages[1]).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "4" }],
    });
  });
});

describe("buildReplyRequest: tools", () => {
  it("sends tools only when given", () => {
    expect(Object.hasOwn(build(), "tools")).toBe(false);
    expect(Object.hasOwn(build({ tools: [] }), "tools")).toBe(false);
    expect(build({ tools: [searchTool] }).tools).toEqual([searchTool]);
  });

  it("sends earlier answered tool calls only when tools are given", () => {
    const withTools: HistoryMessage[] = [
      { role: "user", content: [{ type: "text", text: "Cats?" }] },
      {
        role: "assistant",
        model: "claude-sonnet-4-6",
        content: [
          { type: "tool_use", id: "toolu_1", name: "search_conversations", input: { query: "cats" } },
          { type: "tool_result", tool_use_id: "toolu_1", content: "[]" },
          { type: "text", text: "None." },
        ],
      },
      { role: "user", content: [{ type: "text", text: "OK" }] },
    ];
    expect(build({ history: withTools, tools: [searchTool] }).messages.map((m) => m.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(build({ history: withTools }).messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Cats?" }] },
      { role: "assistant", content: [{ type: "text", text: "None." }] },
      { role: "user", content: [{ type: "text", text: "OK" }] },
    ]);
  });
});

describe("replySpec", () => {
  const spec = (overrides: Partial<Parameters<typeof replySpec>[0]> = {}) =>
    replySpec({
      modelId: "claude-sonnet-4-6",
      model: sonnet,
      history,
      system: null,
      params: {},
      userId: "user_cm123",
      promptCaching: false,
      ...overrides,
    });

  it("derives the history options from the request", () => {
    const images = new Map([["att_1", { mediaType: "image/png", base64: "x" }]]);
    const none = { serverTools: [], mcpServers: [] };
    expect(spec().historyOptions).toEqual({
      model: "claude-sonnet-4-6",
      thinking: false,
      tools: false,
      ...none,
    });
    expect(spec({ params: { thinking: "off" }, tools: [] }).historyOptions).toEqual({
      model: "claude-sonnet-4-6",
      thinking: false,
      tools: false,
      ...none,
    });
    expect(spec({ params: { thinking: "high" }, tools: [searchTool], images }).historyOptions).toEqual({
      model: "claude-sonnet-4-6",
      thinking: true,
      tools: true,
      images,
      ...none,
    });
    expect(
      spec({ modelId: budgetOnly.id, model: budgetOnly, params: { thinking: "on" } }).historyOptions,
    ).toMatchObject({ model: budgetOnly.id, thinking: true });
  });

  it("holds the request without messages, the history and the caching flag", () => {
    const result = spec({ system: "Be brief.", promptCaching: true, tools: [searchTool] });
    expect(result.params).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 16_000,
      system: "Be brief.",
      tools: [searchTool],
      metadata: { user_id: opaqueUserId("user_cm123") },
    });
    expect(Object.hasOwn(result.params, "messages")).toBe(false);
    expect(result.history).toBe(history);
    expect(result.promptCaching).toBe(true);
  });

  it("throws ParamsError for bad parameters", () => {
    paramsError(() => spec({ params: { maxTokens: 64_001 } }));
    paramsError(() => spec({ params: { thinking: "xhigh" } }));
  });
});

describe("stepRequest", () => {
  const LONG = "word ".repeat(4000); // ≈ 5,000 tokens: above every model's cache minimum
  const longHistory: HistoryMessage[] = [
    { role: "user", content: [{ type: "text", text: LONG }] },
    { role: "assistant", model: "claude-sonnet-4-6", content: [{ type: "text", text: "Noted." }] },
    { role: "user", content: [{ type: "text", text: "What did I say about cats?" }] },
  ];
  const turnSoFar: ContentBlock[] = [
    { type: "thinking", thinking: "Search for it.", signature: "sig_1" },
    { type: "text", text: "Let me look." },
    { type: "tool_use", id: "toolu_1", name: "search_conversations", input: { query: "cats" } },
    { type: "tool_result", tool_use_id: "toolu_1", content: '{"query":"cats","results":[]}' },
  ];
  const spec = (promptCaching: boolean) =>
    replySpec({
      modelId: "claude-sonnet-4-6",
      model: sonnet,
      history: longHistory,
      system: null,
      params: { thinking: "high" },
      userId: "user_cm123",
      promptCaching,
      tools: [searchTool],
    });
  type Block = { type: string; cache_control?: unknown };
  const marked = (request: ReturnType<typeof stepRequest>) =>
    request.messages.flatMap((message, index) =>
      typeof message.content !== "string" && (message.content as Block[]).some((block) => block.cache_control)
        ? [index]
        : [],
    );

  it("without a turn so far is the first step's request", () => {
    const input = {
      modelId: "claude-sonnet-4-6",
      model: sonnet,
      history,
      system: "Hi",
      params: { thinking: "high" as const },
      userId: "u",
      promptCaching: true,
      tools: [searchTool],
    };
    expect(stepRequest(replySpec(input))).toEqual(buildReplyRequest(input));
    expect(stepRequest(replySpec(input), [])).toEqual(buildReplyRequest(input));
  });

  it("appends the turn so far: the assistant's step, then the tool_result continuation", () => {
    const request = stepRequest(spec(false), turnSoFar);
    expect(request.messages).toEqual([
      { role: "user", content: [{ type: "text", text: LONG }] },
      { role: "assistant", content: [{ type: "text", text: "Noted." }] },
      { role: "user", content: [{ type: "text", text: "What did I say about cats?" }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Search for it.", signature: "sig_1" },
          { type: "text", text: "Let me look." },
          { type: "tool_use", id: "toolu_1", name: "search_conversations", input: { query: "cats" } },
        ],
      },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_1", content: '{"query":"cats","results":[]}' }],
      },
    ]);
    expect(request.thinking).toEqual({ type: "adaptive", display: "summarized" });
    expect(request.tools).toEqual([searchTool]);
    expect(marked(request)).toEqual([]);
  });

  it("with prompt caching: breakpoints on the last two user messages, the last being the tool_result", () => {
    const request = stepRequest(spec(true), turnSoFar);
    expect(marked(request)).toEqual([2, 4]);
    const last = request.messages[4]!;
    expect(last.role).toBe("user");
    expect(last.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "toolu_1",
        content: '{"query":"cats","results":[]}',
        cache_control: { type: "ephemeral" },
      },
    ]);
    expect((request.messages[2]!.content as Block[]).at(-1)?.cache_control).toEqual({ type: "ephemeral" });
  });

  it("builds every step from the same spec without changing it", () => {
    const shared = spec(true);
    const copy = structuredClone(shared);
    const first = stepRequest(shared);
    const second = stepRequest(shared, turnSoFar);
    expect(shared).toEqual(copy);
    expect(marked(first)).toEqual([0, 2]);
    expect(first.messages).toHaveLength(3);
    expect(second.messages).toHaveLength(5);
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

describe("server tools and connectors in the request", () => {
  const spec = (overrides: Partial<Parameters<typeof replySpec>[0]> = {}) =>
    replySpec({
      modelId: "claude-sonnet-4-6",
      model: sonnet,
      history,
      system: null,
      params: {},
      userId: "user_cm123",
      promptCaching: false,
      ...overrides,
    });

  it("adds each switched-on server tool's definition from the catalogue, no beta header", () => {
    const result = spec({ serverTools: ["web_search", "web_fetch", "code_execution"] });
    expect(result.params.tools).toEqual([
      { type: "web_search_20250305", name: "web_search", max_uses: 5 },
      {
        type: "web_fetch_20250910",
        name: "web_fetch",
        max_uses: 5,
        max_content_tokens: 50_000,
        citations: { enabled: true },
      },
      { type: "code_execution_20250825", name: "code_execution" },
    ]);
    expect(result.params).not.toHaveProperty("betas");
    expect(result.params).not.toHaveProperty("mcp_servers");
    expect(result.historyOptions.serverTools).toEqual(["web_search", "web_fetch", "code_execution"]);
  });

  it("adds the Files API beta only when an attachment goes by file id", () => {
    const inline = new Map([["att_1", { mediaType: "image/png", base64: "x" }]]);
    expect(spec({ images: inline }).params).not.toHaveProperty("betas");
    const byId = new Map([["att_1", { mediaType: "image/png", base64: "", fileId: "file_1" }]]);
    expect((spec({ images: byId }).params as { betas?: string[] }).betas).toEqual(["files-api-2025-04-14"]);
  });

  it("sends connectors as mcp_servers with a toolset each, behind the MCP beta", () => {
    const result = spec({
      tools: [{ name: "search_conversations", input_schema: { type: "object" } }],
      connectors: [
        { name: "wiki", url: "https://mcp.example/wiki", token: "secret-token", allowedTools: null },
        { name: "crm", url: "https://mcp.example/crm", token: null, allowedTools: ["find", "list"] },
      ],
    });
    const params = result.params as unknown as Record<string, unknown>;
    expect(params.betas).toEqual(["mcp-client-2025-11-20"]);
    expect(params.mcp_servers).toEqual([
      { type: "url", url: "https://mcp.example/wiki", name: "wiki", authorization_token: "secret-token" },
      { type: "url", url: "https://mcp.example/crm", name: "crm" },
    ]);
    expect(params.tools).toEqual([
      { name: "search_conversations", input_schema: { type: "object" } },
      { type: "mcp_toolset", mcp_server_name: "wiki" },
      {
        type: "mcp_toolset",
        mcp_server_name: "crm",
        default_config: { enabled: false },
        configs: { find: { enabled: true }, list: { enabled: true } },
      },
    ]);
    expect(result.historyOptions).toMatchObject({ tools: true, mcpServers: ["wiki", "crm"] });
  });
});
