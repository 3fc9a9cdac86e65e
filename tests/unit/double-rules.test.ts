import Anthropic, { APIError } from "@anthropic-ai/sdk";
import type { ContentBlock, MessageParam, Tool } from "@anthropic-ai/sdk/resources/messages";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestProblem, thinkingSignature } from "../double/rules";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test-key", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

type Body = Record<string, unknown>;

const TOOLS: Tool[] = [{ name: "search", description: "Search", input_schema: { type: "object" } }];

const ask = (model: string, extra: Body = {}): Body => ({
  model,
  max_tokens: 4096,
  messages: [{ role: "user", content: "Hello" }],
  ...extra,
});

/** Posts a raw body; resolves to the status and, for errors, the error type and message. */
async function post(
  body: Body,
  path = "/v1/messages",
): Promise<{ status: number; type?: string; message?: string }> {
  const res = await fetch(`${double.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error?: { type: string; message: string } };
  return { status: res.status, type: json.error?.type, message: json.error?.message };
}

/** Expects a 400 invalid_request_error whose message contains every `parts`. */
async function rejected(body: Body, ...parts: string[]): Promise<string> {
  const answer = await post(body);
  expect(answer.status, JSON.stringify(answer)).toBe(400);
  expect(answer.type).toBe("invalid_request_error");
  for (const part of parts) expect(answer.message).toContain(part);
  return answer.message ?? "";
}

async function accepted(body: Body): Promise<void> {
  const answer = await post(body);
  expect(answer, JSON.stringify(answer)).toEqual({ status: 200, type: undefined, message: undefined });
}

const signed = (model: string, thinking: string) => ({
  type: "thinking",
  thinking,
  signature: thinkingSignature(model, thinking),
});

/** user → assistant(blocks) → user(text): a history whose middle turn is `blocks`. */
const history = (model: string, blocks: unknown[], extra: Body = {}): Body =>
  ask(model, {
    messages: [
      { role: "user", content: "First" },
      { role: "assistant", content: blocks },
      { role: "user", content: "Second" },
    ],
    ...extra,
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("thinking config", () => {
  it("rule 1: type enabled on an adaptive-only model", async () => {
    await rejected(
      ask("claude-opus-4-8", { thinking: { type: "enabled", budget_tokens: 2048 } }),
      '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort"',
    );
  });

  it("rule 2: type disabled on an adaptive-only model; accepted where enabled is supported", async () => {
    await rejected(
      ask("claude-fable-5", { thinking: { type: "disabled" } }),
      '"thinking.type.disabled" is not supported for this model',
    );
    await accepted(ask("claude-sonnet-4-6", { thinking: { type: "disabled" } }));
  });

  it("rule 3: type adaptive on a budget-only model", async () => {
    await rejected(
      ask("claude-sonnet-4-5-20250929", { thinking: { type: "adaptive" } }),
      "thinking.type: adaptive thinking is not supported on this model",
    );
  });

  it("rule 4: budget_tokens missing, below 1024, or not below max_tokens", async () => {
    const model = "claude-sonnet-4-5-20250929";
    await rejected(
      ask(model, { thinking: { type: "enabled" } }),
      "thinking.enabled.budget_tokens: Field required",
    );
    await rejected(
      ask(model, { thinking: { type: "enabled", budget_tokens: 512 } }),
      "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
    );
    await rejected(
      ask(model, { max_tokens: 2048, thinking: { type: "enabled", budget_tokens: 2048 } }),
      "`max_tokens` must be greater than `thinking.budget_tokens`",
    );
    // count_tokens has no max_tokens, so only the budget's own bounds apply there.
    const counted = await post(
      {
        model,
        messages: [{ role: "user", content: "Hi" }],
        thinking: { type: "enabled", budget_tokens: 9000 },
      },
      "/v1/messages/count_tokens",
    );
    expect(counted.status).toBe(200);
    const tooSmall = await post(
      {
        model,
        messages: [{ role: "user", content: "Hi" }],
        thinking: { type: "enabled", budget_tokens: 10 },
      },
      "/v1/messages/count_tokens",
    );
    expect(tooSmall.status).toBe(400);
  });

  it("rule 5: an unknown display or thinking type", async () => {
    await rejected(
      ask("claude-opus-4-8", { thinking: { type: "adaptive", display: "full" } }),
      "thinking.adaptive.display: Input should be 'summarized' or 'omitted'",
    );
    await rejected(
      ask("claude-sonnet-4-6", { thinking: { type: "enabled", budget_tokens: 1024, display: "verbose" } }),
      "thinking.enabled.display",
    );
    await rejected(ask("claude-opus-4-8", { thinking: { type: "auto" } }), "thinking.type: Input tag 'auto'");
    await rejected(ask("claude-opus-4-8", { thinking: {} }), "thinking.type: Field required");
  });

  const adaptive = { thinking: { type: "adaptive" } };
  it.each<[string, Body, string]>([
    ["temperature 0.5", { temperature: 0.5 }, "`temperature` may only be set to 1"],
    ["temperature 0", { temperature: 0 }, "`temperature` may only be set to 1"],
    ["top_k", { top_k: 40 }, "`top_k` must be unset when thinking is enabled"],
    ["top_p 0.9", { top_p: 0.9 }, "`top_p` must be greater than or equal to 0.95"],
    ["tool_choice any", { tools: TOOLS, tool_choice: { type: "any" } }, "tool_choice forces tool use"],
    [
      "tool_choice tool",
      { tools: TOOLS, tool_choice: { type: "tool", name: "search" } },
      "tool_choice forces tool use",
    ],
  ])("rule 6: %s with thinking on", async (_name, extra, message) => {
    await rejected(ask("claude-sonnet-4-6", { ...adaptive, ...extra }), message);
    await rejected(
      ask("claude-sonnet-4-6", { thinking: { type: "enabled", budget_tokens: 1024 }, ...extra }),
      message,
    );
    await accepted(ask("claude-sonnet-4-6", extra)); // without thinking the same sampling is fine
  });

  it("rule 6: temperature 1, top_p ≥ 0.95 and tool_choice auto are fine with thinking", async () => {
    await accepted(
      ask("claude-sonnet-4-6", {
        ...adaptive,
        temperature: 1,
        top_p: 0.95,
        tools: TOOLS,
        tool_choice: { type: "auto" },
      }),
    );
  });

  it("rule 7: effort must be a known level the model supports", async () => {
    await rejected(
      ask("claude-opus-4-8", { output_config: { effort: "extreme" } }),
      "output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'",
    );
    await rejected(
      ask("claude-sonnet-4-6", { output_config: { effort: "xhigh" } }),
      "output_config.effort: 'xhigh' is not supported by this model",
    );
    await rejected(
      ask("claude-opus-4-5-20251101", { output_config: { effort: "max" } }),
      "output_config.effort: 'max' is not supported",
    );
    await rejected(
      ask("claude-sonnet-4-5-20250929", { output_config: { effort: "low" } }),
      "output_config.effort: This model does not support the effort parameter.",
    );
    await rejected(
      ask("claude-haiku-4-5-20251001", { output_config: { effort: "high" } }),
      "does not support the effort parameter",
    );
  });
});

describe("history", () => {
  const model = "claude-sonnet-4-6";

  it("rule 8: missing, empty, edited or foreign thinking signatures", async () => {
    const message = "messages.1.content.0: Invalid `signature` in `thinking` block";
    await rejected(
      history(model, [
        { type: "thinking", thinking: "Hmm" },
        { type: "text", text: "A" },
      ]),
      message,
    );
    await rejected(
      history(model, [
        { type: "thinking", thinking: "Hmm", signature: "" },
        { type: "text", text: "A" },
      ]),
      message,
    );
    const edited = { ...signed(model, "Hmm"), thinking: "Hmm!" };
    await rejected(history(model, [edited, { type: "text", text: "A" }]), message);
    await rejected(history(model, [signed("claude-opus-4-6", "Hmm"), { type: "text", text: "A" }]), message);
    await accepted(history(model, [signed(model, "Hmm"), { type: "text", text: "A" }]));
  });

  it("rule 8: redacted_thinking needs data", async () => {
    await rejected(
      history(model, [
        { type: "redacted_thinking", data: "" },
        { type: "text", text: "A" },
      ]),
      "messages.1.content.0: Invalid `data` in `redacted_thinking` block",
    );
    await accepted(
      history(model, [
        { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix" },
        { type: "text", text: "A" },
      ]),
    );
  });

  it("rule 8: the fixtures' placeholder signatures are accepted unchecked", async () => {
    const block = { type: "thinking", thinking: "", signature: "EosnCkYICxIMMb3LzNrMu..." };
    await accepted(history("claude-opus-5", [block, { type: "text", text: "The GCD is 21." }]));
    await accepted(
      history("claude-opus-5", [
        {
          type: "thinking",
          thinking: "Anything",
          signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...",
        },
        { type: "text", text: "Hi" },
      ]),
    );
  });

  it("rule 9: thinking blocks only in assistant messages", async () => {
    await rejected(
      ask(model, {
        messages: [{ role: "user", content: [signed(model, "Hmm"), { type: "text", text: "Hi" }] }],
      }),
      "messages.0.content.0.type: `thinking` blocks are only allowed in `assistant` messages",
    );
    await rejected(
      ask(model, { messages: [{ role: "user", content: [{ type: "redacted_thinking", data: "abc" }] }] }),
      "`redacted_thinking` blocks are only allowed in `assistant` messages",
    );
  });

  const toolUse = (id: string) => ({ type: "tool_use", id, name: "search", input: { query: "q" } });
  const toolResult = (id: string, content = "found") => ({ type: "tool_result", tool_use_id: id, content });

  it("rule 10: every tool_use needs a tool_result in the next message", async () => {
    await rejected(
      ask(model, {
        tools: TOOLS,
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [toolUse("toolu_a"), toolUse("toolu_b")] },
          { role: "user", content: [toolResult("toolu_a")] },
        ],
      }),
      "messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_b. " +
        "Each `tool_use` block must have a corresponding `tool_result` block in the next message.",
    );
    await rejected(
      ask(model, {
        tools: TOOLS,
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [toolUse("toolu_a")] },
          { role: "user", content: "Never mind" },
        ],
      }),
      "without `tool_result` blocks immediately after: toolu_a",
    );
  });

  it("rule 10: every tool_result must answer a tool_use of the previous message", async () => {
    await rejected(
      ask(model, {
        tools: TOOLS,
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [toolUse("toolu_a")] },
          { role: "user", content: [toolResult("toolu_a"), toolResult("toolu_x")] },
        ],
      }),
      "messages.2.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_x. " +
        "Each `tool_result` block must have a corresponding `tool_use` block in the previous message.",
    );
  });

  it("rule 10: tool_result blocks come first in a user message", async () => {
    await rejected(
      ask(model, {
        tools: TOOLS,
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [toolUse("toolu_a")] },
          { role: "user", content: [{ type: "text", text: "Here:" }, toolResult("toolu_a")] },
        ],
      }),
      "messages.2.content.1: `tool_result` blocks must come first",
    );
    await accepted(
      ask(model, {
        tools: TOOLS,
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [toolUse("toolu_a")] },
          { role: "user", content: [toolResult("toolu_a"), { type: "text", text: "Thanks" }] },
        ],
      }),
    );
  });

  it("rule 11: tool blocks require tools", async () => {
    const messages = [
      { role: "user", content: "Go" },
      { role: "assistant", content: [toolUse("toolu_a")] },
      { role: "user", content: [toolResult("toolu_a")] },
    ];
    const message = "Requests which include `tool_use` or `tool_result` blocks must define tools.";
    await rejected(ask(model, { messages }), message);
    await rejected(ask(model, { messages, tools: [] }), message);
    await accepted(ask(model, { messages, tools: TOOLS }));
  });

  it("rule 12: with thinking, the assistant turn before the last tool results starts with thinking", async () => {
    const messages = (first: unknown[]) => [
      { role: "user", content: "Go" },
      { role: "assistant", content: [...first, toolUse("toolu_a")] },
      { role: "user", content: [toolResult("toolu_a")] },
    ];
    const text = { type: "text", text: "Let me search." };
    await rejected(
      ask(model, { tools: TOOLS, thinking: { type: "adaptive" }, messages: messages([text]) }),
      "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. " +
        "When `thinking` is enabled, a final `assistant` message must start with a thinking block",
    );
    await rejected(
      ask(model, {
        tools: TOOLS,
        thinking: { type: "enabled", budget_tokens: 1024 },
        messages: messages([]),
      }),
      "but found `tool_use`",
    );
    await accepted(ask(model, { tools: TOOLS, messages: messages([text]) })); // thinking off
    await accepted(
      ask(model, {
        tools: TOOLS,
        thinking: { type: "adaptive" },
        messages: messages([signed(model, "Hm"), text]),
      }),
    );
    await accepted(
      ask(model, {
        tools: TOOLS,
        thinking: { type: "adaptive" },
        messages: messages([{ type: "redacted_thinking", data: "abc" }, text]),
      }),
    );
  });

  it("rule 13: the first message is a user message; no empty content; no prefill with thinking", async () => {
    await rejected(
      ask(model, {
        messages: [
          { role: "assistant", content: "Hi" },
          { role: "user", content: "Hello" },
        ],
      }),
      'messages.0.role: first message must use the "user" role',
    );
    await rejected(ask(model, { messages: [] }), "messages: at least one message is required");
    await rejected(
      history(model, []),
      "messages.1: all messages must have non-empty content except for the optional final assistant message",
    );
    await rejected(
      ask(model, { messages: [{ role: "user", content: "" }] }),
      "messages.0: all messages must have",
    );
    const prefill = [
      { role: "user", content: "Hello" },
      { role: "assistant", content: "Sure," },
    ];
    await rejected(
      ask(model, { messages: prefill, thinking: { type: "adaptive" } }),
      "messages.1.role: assistant message prefill is not supported when `thinking` is enabled",
    );
    await accepted(ask(model, { messages: prefill }));
    await rejected(
      ask(model, {
        messages: [
          { role: "user", content: "Hello" },
          { role: "assistant", content: [signed(model, "Hm"), { type: "text", text: "Sure," }] },
        ],
      }),
      "messages.1.content.0: When thinking is disabled, an `assistant` message in the final position cannot contain `thinking`",
    );
  });

  it("count_tokens applies the same rules", async () => {
    const answer = await post(
      {
        model: "claude-opus-4-8",
        messages: [{ role: "user", content: "Hi" }],
        thinking: { type: "enabled", budget_tokens: 2048 },
      },
      "/v1/messages/count_tokens",
    );
    expect(answer).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect(answer.message).toContain('"thinking.type.enabled" is not supported');
  });

  it("requestProblem is a pure function of the body", () => {
    expect(
      requestProblem({
        model: "claude-sonnet-4-6",
        max_tokens: 10,
        messages: [{ role: "user", content: "Hi" }],
      }),
    ).toBe(undefined);
    expect(
      requestProblem({
        model: "claude-sonnet-4-6",
        messages: [{ role: "user", content: "Hi" }],
        top_k: 5,
        thinking: { type: "adaptive" },
      }),
    ).toContain("`top_k`");
    expect(
      requestProblem({
        model: "test-anything",
        max_tokens: 10,
        messages: [{ role: "user", content: "Hi" }],
        thinking: { type: "enabled", budget_tokens: 1024 },
        output_config: { effort: "xhigh" },
      }),
    ).toContain("`max_tokens` must be greater");
  });
});

describe("accepted thinking shapes", () => {
  it("adaptive + effort on claude-opus-4-8: a signed thinking block first, text omitted by default", async () => {
    const stream = client.messages.stream({
      model: "claude-opus-4-8",
      max_tokens: 4096,
      thinking: { type: "adaptive" },
      output_config: { effort: "xhigh" },
      messages: [{ role: "user", content: "Why? [[double:text]]" }],
    });
    const deltas: string[] = [];
    stream.on("streamEvent", (event) => {
      if (event.type === "content_block_delta") deltas.push(event.delta.type);
    });
    const message = await stream.finalMessage();
    expect(message.content).toEqual([
      { type: "thinking", thinking: "", signature: thinkingSignature("claude-opus-4-8", "") },
      { type: "text", text: "Echo: Why?" },
    ]);
    expect(deltas).toEqual(["signature_delta", "text_delta", "text_delta"]);
    // Three hidden thinking deltas and the signature count as output and as thinking tokens.
    expect(message.usage.output_tokens).toBe(2 + 4);
    expect(message.usage.output_tokens_details).toEqual({ thinking_tokens: 4 });
  });

  it("display summarized on claude-opus-4-8 streams the thinking text", async () => {
    const message = await client.messages
      .stream({
        model: "claude-opus-4-8",
        max_tokens: 4096,
        thinking: { type: "adaptive", display: "summarized" },
        messages: [{ role: "user", content: "Why? [[double:text]]" }],
      })
      .finalMessage();
    const thinking = "Let me think about this. The question is clear. I will answer now.";
    expect(message.content[0]).toEqual({
      type: "thinking",
      thinking,
      signature: thinkingSignature("claude-opus-4-8", thinking),
    });
    expect(message.usage.output_tokens).toBe(4 + 2);
    expect(message.usage.output_tokens_details).toEqual({ thinking_tokens: 4 });
  });

  it("display omitted on a model that defaults to summarized", async () => {
    const message = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 4096,
      thinking: { type: "adaptive", display: "omitted" },
      messages: [{ role: "user", content: "Why? [[double:text]]" }],
    });
    expect(message.content[0]).toMatchObject({ type: "thinking", thinking: "" });
  });

  it("enabled with a budget on claude-sonnet-4-5-20250929", async () => {
    const message = await client.messages.create({
      model: "claude-sonnet-4-5-20250929",
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 2048 },
      messages: [{ role: "user", content: "Hi [[double:text?text=Hello]]" }],
    });
    expect(message.content.map((b) => b.type)).toEqual(["thinking", "text"]);
    expect(message.content[0]).toMatchObject({
      thinking: "Let me think about this. The question is clear. I will answer now.",
    });
  });

  it("claude-sonnet-4-6 takes both adaptive (with effort) and enabled", async () => {
    const adaptive = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 4096,
      thinking: { type: "adaptive" },
      output_config: { effort: "max" },
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(adaptive.content.map((b) => b.type)).toEqual(["thinking", "text"]);
    const enabled = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 1024 },
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(enabled.content.map((b) => b.type)).toEqual(["thinking", "text"]);
  });

  it("without thinking no thinking block and no thinking_tokens", async () => {
    const message = await client.messages.create({
      model: "claude-opus-4-8",
      max_tokens: 100,
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(message.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
    expect(message.usage.output_tokens_details ?? undefined).toBeUndefined();
  });

  it("the thinking scenario follows display and signs for the request's model", async () => {
    const omitted = await client.messages.create({
      model: "claude-opus-4-8",
      max_tokens: 100,
      messages: [{ role: "user", content: "Why? [[double:thinking?steps=2]]" }],
    });
    expect(omitted.content[0]).toEqual({
      type: "thinking",
      thinking: "",
      signature: thinkingSignature("claude-opus-4-8", ""),
    });
    const shown = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      messages: [{ role: "user", content: "Why? [[double:thinking?steps=2]]" }],
    });
    const text = "Step 1: thinking it over.\nStep 2: thinking it over.";
    expect(shown.content[0]).toEqual({
      type: "thinking",
      thinking: text,
      signature: thinkingSignature("claude-sonnet-4-6", text),
    });
    expect(shown.usage.output_tokens_details).toEqual({ thinking_tokens: 3 });
  });
});

describe("tool_loop scenario", () => {
  const model = "claude-opus-4-8";
  const base = {
    model,
    max_tokens: 4096,
    tools: TOOLS,
    thinking: { type: "adaptive" as const, display: "summarized" as const },
  };

  it("three calls: tool_use, tool_use, then a final text echoing the tool result; thinking sent back", async () => {
    const messages: MessageParam[] = [{ role: "user", content: "Find cats [[double:tool_loop?steps=3]]" }];
    const replies: ContentBlock[][] = [];
    for (let call = 1; call <= 3; call++) {
      const message = await client.messages.stream({ ...base, messages }).finalMessage();
      replies.push(message.content);
      messages.push({ role: "assistant", content: message.content });
      if (message.stop_reason !== "tool_use") {
        expect(call).toBe(3);
        break;
      }
      const use = message.content.find((b) => b.type === "tool_use");
      expect(use).toBeDefined();
      messages.push({
        role: "user",
        content: [{ type: "tool_result", tool_use_id: use?.id ?? "", content: `result ${call}` }],
      });
    }
    const [first, second, third] = replies;
    expect(first?.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(first?.[0]).toMatchObject({
      thinking: "Step 1: let me think about this. I know what to do next.",
    });
    expect(first?.[1]).toEqual({ type: "text", text: "Step 1: word1 word2 word3" });
    expect(first?.[2]).toEqual({
      type: "tool_use",
      id: expect.stringMatching(/^toolu_double_\d+_1$/),
      name: "search",
      input: { query: "Find cats" },
    });
    expect(second?.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(second?.[1]).toEqual({ type: "text", text: "Step 2: word1 word2 word3" });
    expect(second?.[2]).toMatchObject({ id: expect.stringMatching(/^toolu_double_\d+_2$/) });
    expect(third?.map((b) => b.type)).toEqual(["thinking", "text"]);
    expect(third?.[1]).toEqual({ type: "text", text: "Step 3: Here is what I found: result 2" });
    expect(double.requests).toHaveLength(3);

    // The same history with a thinking block edited, or sent to another model, is refused.
    const tampered = structuredClone(messages.slice(0, 4));
    const firstReply = tampered[1]?.content as { type: string; thinking?: string }[];
    if (firstReply[0]) firstReply[0].thinking = "Edited.";
    const edited = (await rejection(client.messages.create({ ...base, messages: tampered }))) as APIError;
    expect(edited.status).toBe(400);
    expect(edited.message).toContain("messages.1.content.0: Invalid `signature` in `thinking` block");
    const moved = (await rejection(
      client.messages.create({ ...base, model: "claude-opus-5", messages: messages.slice(0, 4) }),
    )) as APIError;
    expect(moved.status).toBe(400);
    expect(moved.message).toContain("Invalid `signature` in `thinking` block");
  });

  it("tokens, query and several tool results; without thinking no thinking block", async () => {
    const first = await client.messages.create({
      model,
      max_tokens: 100,
      tools: TOOLS,
      messages: [{ role: "user", content: "x [[double:tool_loop?tokens=1&query=dogs]]" }],
    });
    expect(first.content).toEqual([
      { type: "text", text: "Step 1: word1" },
      {
        type: "tool_use",
        id: expect.stringMatching(/^toolu_double_\d+_1$/),
        name: "search",
        input: { query: "dogs" },
      },
    ]);
    const id = (first.content[1] as { id: string }).id;
    const final = await client.messages.create({
      model,
      max_tokens: 100,
      tools: TOOLS,
      messages: [
        { role: "user", content: "x [[double:tool_loop?tokens=1&query=dogs]]" },
        { role: "assistant", content: first.content },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: id,
              content: [
                { type: "text", text: "one" },
                { type: "text", text: "two" },
              ],
            },
          ],
        },
      ],
    });
    expect(final.content).toEqual([{ type: "text", text: "Step 2: Here is what I found: one\ntwo" }]);
    expect(final.stop_reason).toBe("end_turn");
  });

  it("without tools the first call is the final one", async () => {
    const message = await client.messages.create({
      model,
      max_tokens: 100,
      messages: [{ role: "user", content: "x [[double:tool_loop?steps=3]]" }],
    });
    expect(message.content).toEqual([{ type: "text", text: "Step 1: Here is what I found: nothing" }]);
  });

  it("error_step: that call streams its text, then an overloaded_error event", async () => {
    const messages: MessageParam[] = [{ role: "user", content: "Go [[double:tool_loop?error_step=2]]" }];
    const first = await client.messages.stream({ ...base, messages }).finalMessage();
    const use = first.content.find((b) => b.type === "tool_use");
    messages.push(
      { role: "assistant", content: first.content },
      { role: "user", content: [{ type: "tool_result", tool_use_id: use?.id ?? "", content: "r" }] },
    );
    const stream = client.messages.stream({ ...base, messages });
    let text = "";
    stream.on("text", (t) => {
      text += t;
    });
    const err = (await rejection(stream.finalMessage())) as APIError;
    expect(err).toBeInstanceOf(APIError);
    expect(err.type).toBe("overloaded_error");
    expect(text).toBe("Step 2: Here is what I found: r");
  });

  it("stall_step: that call hangs after its text until the client aborts", async () => {
    const controller = new AbortController();
    const stream = client.messages.stream(
      { ...base, messages: [{ role: "user", content: "Go [[double:tool_loop?stall_step=1&tokens=2]]" }] },
      { signal: controller.signal },
    );
    let text = "";
    stream.on("text", (t) => {
      text += t;
      if (text === "Step 1: word1 word2") controller.abort();
    });
    await rejection(stream.finalMessage());
    expect(text).toBe("Step 1: word1 word2");
  });

  it("the marker is read from the prompt, not from tool-result messages", async () => {
    const message = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      tools: TOOLS,
      messages: [
        { role: "user", content: "Ping [[double:text]]" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "search", input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "r" }] },
      ],
    });
    expect(message.content).toEqual([{ type: "text", text: "Echo: Ping" }]);
  });
});
