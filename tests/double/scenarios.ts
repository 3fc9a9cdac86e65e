import { ERROR_STATUSES, ScenarioError } from "./errors";
import { sseFixtureExists } from "./fixtures";
import { type ThinkingMode, thinkingMode, thinkingSignature } from "./rules";
import type { SseEvent } from "./sse";
import { type CacheUsage, estimateInputTokens, type PromptCache } from "./tokens";

type Obj = Record<string, unknown>;

/** A parsed `name[:arg][?key=value&…]`, e.g. `text?tokens=50`, `error:429?retry_after=0`, `fixture:refusal`. */
export interface ScenarioSpec {
  raw: string;
  name: string;
  arg: string;
  params: URLSearchParams;
}

const NAMES = new Set([
  "text",
  "thinking",
  "tool_use",
  "tool_loop",
  "cache",
  "midstream_error",
  "drop",
  "stall",
  "fixture",
  "error",
]);

export function parseSpec(raw: string): ScenarioSpec {
  const q = raw.indexOf("?");
  const head = (q === -1 ? raw : raw.slice(0, q)).trim();
  const colon = head.indexOf(":");
  const name = colon === -1 ? head : head.slice(0, colon);
  const arg = colon === -1 ? "" : head.slice(colon + 1);
  const params = new URLSearchParams(q === -1 ? "" : raw.slice(q + 1));
  if (!NAMES.has(name)) throw new ScenarioError(`Unknown double scenario "${name}" in "${raw}"`);
  if (name === "error" && !ERROR_STATUSES.has(Number(arg))) {
    throw new ScenarioError(`Unknown double error status "${arg}" in "${raw}"`);
  }
  if (name === "fixture" && !sseFixtureExists(arg)) {
    throw new ScenarioError(`Unknown double fixture "${arg}" in "${raw}"`);
  }
  return { raw, name, arg, params };
}

export function intParam(params: URLSearchParams, key: string, fallback: number): number {
  const text = params.get(key);
  if (text === null) return fallback;
  if (!/^\d+$/.test(text))
    throw new ScenarioError(`Scenario param ${key} must be a non-negative integer, got "${text}"`);
  return Number(text);
}

const MARKER = /\[\[double:([^\]]*)\]\]/g;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((b): b is Obj => typeof b === "object" && b !== null && (b as Obj).type === "text")
    .map((b) => String(b.text))
    .join("\n");
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A user message that only carries `tool_result` blocks: an API call of a tool loop, not a new prompt. */
function isToolResults(message: Obj): boolean {
  const content = message.content;
  return (
    Array.isArray(content) && content.length > 0 && content.every((b) => isObj(b) && b.type === "tool_result")
  );
}

function messagesOf(body: Obj): Obj[] {
  return Array.isArray(body.messages) ? (body.messages as unknown[]).filter(isObj) : [];
}

/** Index of the last user message that is a prompt (not only tool results); -1 when none. */
function lastPromptIndex(messages: Obj[]): number {
  return messages.findLastIndex((m) => m.role === "user" && !isToolResults(m));
}

/** Text of the last user message that has text; user messages holding only tool results are skipped. */
export function lastUserText(body: Obj): string {
  const messages = messagesOf(body);
  const last = messages[lastPromptIndex(messages)];
  return last ? textOf(last.content) : "";
}

export function markerSpec(body: Obj): string | undefined {
  return [...lastUserText(body).matchAll(MARKER)][0]?.[1];
}

/** Splits text into word-sized deltas that concatenate back to the exact input. */
export function words(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter((w) => w !== "");
}

/** "word1 word2 …"; with `paragraph` > 0 a blank line starts a new paragraph every that many words. */
function generatedWords(count: number, paragraph = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const separator = i === 0 ? "" : paragraph > 0 && i % paragraph === 0 ? "\n\n" : " ";
    return `${separator}word${i + 1}`;
  });
}

export interface PlanContext {
  n: number;
  body: Obj;
  model: string;
  cache: PromptCache;
}

/** What to send: the events in order, then how the response ends. */
export interface Plan {
  events: SseEvent[];
  ending: "end" | "drop" | "stall";
}

type Usage = CacheUsage & { output_tokens: number; service_tier: string };

function startUsage(spec: ScenarioSpec, ctx: PlanContext): Usage {
  const counted: CacheUsage =
    spec.name === "cache"
      ? ctx.cache.usage(ctx.model, ctx.body)
      : {
          input_tokens: estimateInputTokens(ctx.body),
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        };
  const p = spec.params;
  const write = intParam(p, "cache_write", counted.cache_creation_input_tokens);
  return {
    input_tokens: intParam(p, "input", counted.input_tokens),
    cache_creation_input_tokens: write,
    cache_read_input_tokens: intParam(p, "cache_read", counted.cache_read_input_tokens),
    cache_creation: p.has("cache_write")
      ? { ephemeral_5m_input_tokens: write, ephemeral_1h_input_tokens: 0 }
      : counted.cache_creation,
    output_tokens: 1,
    service_tier: "standard",
  };
}

const THINKING_PIECES = ["Let me think about this.", " The question is clear.", " I will answer now."];

class StreamBuilder {
  readonly events: SseEvent[] = [];
  private index = 0;
  private deltas = 0;
  /** Thinking deltas (and the signature) the model produced, shown or not. */
  private thinkingTokens = 0;
  /** Thinking deltas that `display: "omitted"` kept off the wire; they still count as output. */
  private hiddenTokens = 0;
  private readonly mode: ThinkingMode;

  constructor(
    private readonly ctx: PlanContext,
    private readonly usage: Usage,
  ) {
    const message = {
      id: `msg_double_${ctx.n}`,
      type: "message",
      role: "assistant",
      content: [],
      model: ctx.model,
      stop_reason: null,
      stop_sequence: null,
      usage,
    };
    this.push("message_start", { message });
    this.mode = thinkingMode(ctx.body);
  }

  private push(event: string, fields: Obj): void {
    this.events.push({ event, data: { type: event, ...fields } });
  }

  private block(contentBlock: Obj, deltas: Obj[], stop = true): void {
    const index = this.index++;
    this.push("content_block_start", { index, content_block: contentBlock });
    if (index === 0) this.push("ping", {});
    for (const delta of deltas) this.push("content_block_delta", { index, delta });
    this.deltas += deltas.length;
    if (stop) this.push("content_block_stop", { index });
  }

  text(pieces: string[], stop = true): void {
    if (pieces.length === 0) return;
    this.block(
      { type: "text", text: "" },
      pieces.map((text) => ({ type: "text_delta", text })),
      stop,
    );
  }

  /**
   * A thinking block. With `display: "omitted"` it carries no thinking_delta, only the signature
   * (of the empty text the client then holds), as Opus 4.7 and later stream it by default.
   */
  thinking(pieces: string[]): void {
    const shown = this.mode.display === "omitted" ? [] : pieces;
    const signature = thinkingSignature(this.ctx.model, shown.join(""));
    this.block({ type: "thinking", thinking: "", signature: "" }, [
      ...shown.map((thinking) => ({ type: "thinking_delta", thinking })),
      { type: "signature_delta", signature },
    ]);
    this.thinkingTokens += pieces.length + 1;
    this.hiddenTokens += pieces.length - shown.length;
  }

  /** The opening thinking block of a reply when the request turned thinking on. */
  thinkIfAsked(pieces: string[] = THINKING_PIECES): void {
    if (this.mode.on) this.thinking(pieces);
  }

  toolUse(name: string, input: unknown, id = `toolu_double_${this.ctx.n}`): void {
    const json = JSON.stringify(input);
    const chunks = [""];
    for (let i = 0; i < json.length; i += 8) chunks.push(json.slice(i, i + 8));
    this.block(
      { type: "tool_use", id, name, input: {} },
      chunks.map((partial_json) => ({ type: "input_json_delta", partial_json })),
    );
  }

  error(): void {
    this.push("error", {
      error: { type: "overloaded_error", message: "Overloaded" },
      request_id: `req_double_${this.ctx.n}`,
    });
  }

  finish(stopReason: string, outputOverride: number | undefined): void {
    const { cache_creation: _perTtl, service_tier: _tier, ...cumulative } = this.usage;
    const details =
      this.thinkingTokens > 0 ? { output_tokens_details: { thinking_tokens: this.thinkingTokens } } : {};
    this.push("message_delta", {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { ...cumulative, output_tokens: outputOverride ?? this.deltas + this.hiddenTokens, ...details },
    });
    this.push("message_stop", {});
  }
}

function replyPieces(spec: ScenarioSpec, body: Obj): string[] {
  const literal = spec.params.get("text");
  if (literal !== null) return words(literal);
  if (spec.params.has("tokens")) {
    return generatedWords(intParam(spec.params, "tokens", 0), intParam(spec.params, "paragraph", 0));
  }
  return words(`Echo: ${lastUserText(body).replace(MARKER, "").trim()}`);
}

function toolName(spec: ScenarioSpec, body: Obj): string {
  const first = Array.isArray(body.tools) ? (body.tools[0] as Obj | undefined) : undefined;
  return spec.params.get("name") ?? (typeof first?.name === "string" ? first.name : "get_weather");
}

function toolArgs(spec: ScenarioSpec): unknown {
  const args = spec.params.get("args");
  if (args === null) return { location: "Paris" };
  try {
    return JSON.parse(args);
  } catch {
    throw new ScenarioError(`Scenario param args must be JSON, got "${args}"`);
  }
}

/** Builds the event sequence of every generated scenario (all but `fixture` and `error`). */
export function buildPlan(spec: ScenarioSpec, ctx: PlanContext): Plan {
  const p = spec.params;
  const b = new StreamBuilder(ctx, startUsage(spec, ctx));
  const output = p.has("output") ? intParam(p, "output", 0) : undefined;

  switch (spec.name) {
    case "text":
    case "cache": {
      const pieces = replyPieces(spec, ctx.body);
      const max = typeof ctx.body.max_tokens === "number" ? ctx.body.max_tokens : Number.POSITIVE_INFINITY;
      b.thinkIfAsked();
      b.text(pieces.slice(0, max));
      b.finish(pieces.length > max ? "max_tokens" : "end_turn", output);
      return { events: b.events, ending: "end" };
    }
    case "thinking": {
      const steps = intParam(p, "steps", 3);
      b.thinking(
        Array.from({ length: steps }, (_, i) => `${i === 0 ? "" : "\n"}Step ${i + 1}: thinking it over.`),
      );
      b.text(replyPieces(spec, ctx.body));
      b.finish("end_turn", output);
      return { events: b.events, ending: "end" };
    }
    case "tool_use": {
      b.thinkIfAsked();
      if (p.has("text")) b.text(words(p.get("text") ?? ""));
      b.toolUse(toolName(spec, ctx.body), toolArgs(spec));
      b.finish("tool_use", output);
      return { events: b.events, ending: "end" };
    }
    case "midstream_error":
    case "drop":
    case "stall": {
      b.thinkIfAsked();
      b.text(generatedWords(intParam(p, "tokens", 5)), false);
      if (spec.name === "midstream_error") {
        b.error();
        return { events: b.events, ending: "end" };
      }
      return { events: b.events, ending: spec.name === "drop" ? "drop" : "stall" };
    }
    case "tool_loop":
      return toolLoop(spec, ctx, b, output);
    default:
      throw new ScenarioError(`Scenario "${spec.name}" has no generated plan`);
  }
}

/** Text of a tool_result block: its string content, or its text blocks joined by newlines. */
function toolResultText(block: Obj): string {
  return typeof block.content === "string" ? block.content : textOf(block.content);
}

/**
 * One API call of a tool loop. Call k = 1 + the tool-result messages after the prompt. Calls before
 * `steps` say `Step k: word1 …` and call the first tool of the request with `{"query": …}`; the last
 * one says `Step k: Here is what I found: <tool results>`. `error_step` / `stall_step` make that call
 * break after its text like `midstream_error` / `stall`.
 */
function toolLoop(spec: ScenarioSpec, ctx: PlanContext, b: StreamBuilder, output: number | undefined): Plan {
  const p = spec.params;
  const messages = messagesOf(ctx.body);
  const results = messages.slice(lastPromptIndex(messages) + 1).filter((m) => m.role === "user");
  const k = 1 + results.length;
  const steps = intParam(p, "steps", 2);
  const tool = Array.isArray(ctx.body.tools) ? (ctx.body.tools as unknown[]).find(isObj) : undefined;
  const final = k >= steps || typeof tool?.name !== "string";

  b.thinkIfAsked([`Step ${k}: let me think about this.`, " I know what to do next."]);
  let text: string;
  if (final) {
    const last = messages.at(-1);
    const found =
      last?.role === "user" && Array.isArray(last.content)
        ? (last.content as unknown[])
            .filter((block): block is Obj => isObj(block) && block.type === "tool_result")
            .map(toolResultText)
        : [];
    text = `Step ${k}: Here is what I found: ${found.length > 0 ? found.join("\n") : "nothing"}`;
  } else {
    const tokens = intParam(p, "tokens", 3);
    text = [`Step ${k}:`, ...Array.from({ length: tokens }, (_, i) => `word${i + 1}`)].join(" ");
  }

  const breaks = p.has("error_step") && intParam(p, "error_step", 0) === k;
  const stalls = p.has("stall_step") && intParam(p, "stall_step", 0) === k;
  b.text(words(text), !(breaks || stalls));
  if (breaks) {
    b.error();
    return { events: b.events, ending: "end" };
  }
  if (stalls) return { events: b.events, ending: "stall" };
  if (final) {
    b.finish("end_turn", output);
    return { events: b.events, ending: "end" };
  }
  const query = p.get("query") ?? lastUserText(ctx.body).replace(MARKER, "").trim();
  b.toolUse(String(tool?.name), { query }, `toolu_double_${ctx.n}_${k}`);
  b.finish("tool_use", output);
  return { events: b.events, ending: "end" };
}
