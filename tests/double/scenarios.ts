import { type CitableFile, citationFor, requestDocuments } from "./citations";
import { ERROR_STATUSES, ScenarioError } from "./errors";
import { sseFixtureExists } from "./fixtures";
import { type ThinkingMode, thinkingMode, thinkingSignature } from "./rules";
import { hasMcpBeta, isCustomTool, mcpServers, offeredServerTool, SERVER_RESULT_TYPES } from "./server-tools";
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
  "web_search",
  "web_fetch",
  "code_execution",
  "mcp",
  "pause",
  "cite",
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
  /** Values of the request's `anthropic-beta` header. */
  betas?: readonly string[];
  /** A file uploaded to the double's Files API, by id. */
  file?: (id: string) => CitableFile | undefined;
}

/** A file a scenario hands out (code execution output), served by the double's Files API routes. */
export interface DoubleFile {
  id: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** What to send: the events in order, then how the response ends; `files` become downloadable. */
export interface Plan {
  events: SseEvent[];
  ending: "end" | "drop" | "stall";
  files?: DoubleFile[];
}

type Usage = CacheUsage & { output_tokens: number; service_tier: string };

interface FinishExtra {
  /** Billed server tool uses, reported in message_delta's `usage.server_tool_use`. */
  serverToolUse?: { web_search_requests?: number; web_fetch_requests?: number };
  /** The code execution container, reported in message_delta's `delta.container`. */
  container?: Obj;
}

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
    this.inputBlock({ type: "tool_use", id, name, input: {} }, input);
  }

  /** A block whose `input` streams as input_json_delta chunks (tool_use, server_tool_use, mcp_tool_use). */
  inputBlock(start: Obj, input: unknown): void {
    const json = JSON.stringify(input);
    const chunks = [""];
    for (let i = 0; i < json.length; i += 8) chunks.push(json.slice(i, i + 8));
    this.block(
      start,
      chunks.map((partial_json) => ({ type: "input_json_delta", partial_json })),
    );
  }

  /** A `server_tool_use` block of a tool Anthropic runs, called directly by Claude. */
  serverToolUse(name: string, input: unknown, id: string): void {
    this.inputBlock({ type: "server_tool_use", id, name, input: {}, caller: { type: "direct" } }, input);
  }

  /** A block that arrives whole in its content_block_start (tool results). */
  whole(contentBlock: Obj): void {
    this.block(contentBlock, []);
  }

  /** A text block whose citations stream as citations_delta events before its text. */
  citedText(citations: Obj[], pieces: string[]): void {
    this.block({ type: "text", text: "", citations: [] }, [
      ...citations.map((citation) => ({ type: "citations_delta", citation })),
      ...pieces.map((text) => ({ type: "text_delta", text })),
    ]);
  }

  error(): void {
    this.push("error", {
      error: { type: "overloaded_error", message: "Overloaded" },
      request_id: `req_double_${this.ctx.n}`,
    });
  }

  finish(stopReason: string, outputOverride: number | undefined, extra: FinishExtra = {}): void {
    const { cache_creation: _perTtl, service_tier: _tier, ...cumulative } = this.usage;
    const details =
      this.thinkingTokens > 0 ? { output_tokens_details: { thinking_tokens: this.thinkingTokens } } : {};
    const serverToolUse = extra.serverToolUse
      ? { server_tool_use: { web_search_requests: 0, web_fetch_requests: 0, ...extra.serverToolUse } }
      : {};
    this.push("message_delta", {
      delta: {
        stop_reason: stopReason,
        stop_sequence: null,
        ...(extra.container ? { container: extra.container } : {}),
      },
      usage: {
        ...cumulative,
        output_tokens: outputOverride ?? this.deltas + this.hiddenTokens,
        ...details,
        ...serverToolUse,
      },
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

/** The request's first client tool; server tools and MCP toolsets are not Claude's to call with tool_use. */
function firstCustomTool(body: Obj): Obj | undefined {
  return Array.isArray(body.tools) ? (body.tools as unknown[]).filter(isObj).find(isCustomTool) : undefined;
}

function toolName(spec: ScenarioSpec, body: Obj): string {
  const first = firstCustomTool(body);
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
    case "web_search":
    case "web_fetch":
    case "code_execution":
    case "mcp":
    case "pause": {
      const plan = serverToolPlan(spec, ctx, b, output);
      if (plan) return plan;
      // The request does not offer the tool: Claude answers in plain text, as `text` would.
      return buildPlan({ ...spec, name: "text" }, ctx);
    }
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
    case "cite": {
      // One cited sentence per document with citations on; plain text when none has them.
      const cited = requestDocuments(ctx.body, ctx.file ?? (() => undefined)).filter((d) => d.citations);
      b.thinkIfAsked();
      if (cited.length === 0) b.text(replyPieces(spec, ctx.body));
      else {
        b.text(words("Here is what the documents say. "));
        for (const document of cited)
          b.citedText(
            [citationFor(document)],
            words(`${document.title ?? "The document"} states it plainly.`),
          );
      }
      b.finish("end_turn", output);
      return { events: b.events, ending: "end" };
    }
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
  const tool = firstCustomTool(ctx.body);
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

const WEB_SEARCH_ERRORS = new Set([
  "invalid_tool_input",
  "unavailable",
  "max_uses_exceeded",
  "too_many_requests",
  "query_too_long",
  "request_too_large",
]);
const WEB_FETCH_ERRORS = new Set([
  "invalid_tool_input",
  "url_too_long",
  "url_not_allowed",
  "url_not_in_prior_context",
  "url_not_accessible",
  "unsupported_content_type",
  "too_many_requests",
  "max_uses_exceeded",
  "unavailable",
  "content_too_large",
]);
const CODE_EXECUTION_ERRORS = new Set([
  "invalid_tool_input",
  "unavailable",
  "too_many_requests",
  "execution_time_exceeded",
]);
const BASH_CODE_EXECUTION_ERRORS = new Set([...CODE_EXECUTION_ERRORS, "output_file_too_large"]);

function errorParam(spec: ScenarioSpec, allowed: ReadonlySet<string>): string | undefined {
  const code = spec.params.get("error");
  if (code === null) return undefined;
  if (!allowed.has(code)) {
    throw new ScenarioError(
      `Scenario ${spec.name} param error must be one of ${[...allowed].join(", ")}, got "${code}"`,
    );
  }
  return code;
}

/** The prompt without its scenario marker, as the search query / tool input of server tool scenarios. */
function promptQuery(spec: ScenarioSpec, body: Obj, fallback: string): string {
  return spec.params.get("query") ?? (lastUserText(body).replace(MARKER, "").trim() || fallback);
}

const SEARCH_RESULTS = [
  {
    type: "web_search_result",
    title: "The Answer to Everything - Example Encyclopedia",
    url: "https://example.com/answer",
    encrypted_content: "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2MSDOubleOne...",
    page_age: "April 30, 2025",
  },
  {
    type: "web_search_result",
    title: "Forty-two - Example Wiki",
    url: "https://example.org/42",
    encrypted_content: "EpUDCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2MSDOubleTwo...",
    page_age: null,
  },
];

const FETCHED_TITLE = "Example page";
const FETCHED_TEXT =
  "Example page\n\nThis page was fetched by the test double. The answer is 42. Nothing else is on it.\n";
const FETCHED_QUOTE = "The answer is 42.";

/**
 * The server tool scenarios (`web_search`, `web_fetch`, `code_execution`, `mcp`, `pause`); undefined
 * when the request does not offer the tool, and Claude just answers in text.
 */
function serverToolPlan(
  spec: ScenarioSpec,
  ctx: PlanContext,
  b: StreamBuilder,
  output: number | undefined,
): Plan | undefined {
  const { body, n } = ctx;
  const p = spec.params;
  switch (spec.name) {
    case "web_search": {
      if (!offeredServerTool(body, "web_search")) return undefined;
      const error = errorParam(spec, WEB_SEARCH_ERRORS);
      const query = promptQuery(spec, body, "weather NYC today");
      b.thinkIfAsked();
      b.text(words(`I'll search the web for "${query}".`));
      const id = `srvtoolu_double_${n}`;
      b.serverToolUse("web_search", { query }, id);
      b.whole({
        type: "web_search_tool_result",
        tool_use_id: id,
        caller: { type: "direct" },
        content: error ? { type: "web_search_tool_result_error", error_code: error } : SEARCH_RESULTS,
      });
      if (error) {
        b.text(words(`The web search failed (${error}), so I can't cite any sources.`));
      } else {
        const [first] = SEARCH_RESULTS;
        b.citedText(
          [
            {
              type: "web_search_result_location",
              url: first?.url,
              title: first?.title,
              encrypted_index: "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm..",
              cited_text: "The answer to the ultimate question of life, the universe and everything is 42.",
            },
          ],
          words("The answer is 42."),
        );
        b.text(words(" Both sources agree on it."));
      }
      b.finish("end_turn", output, { serverToolUse: { web_search_requests: error ? 0 : 1 } });
      return { events: b.events, ending: "end" };
    }
    case "web_fetch": {
      const tool = offeredServerTool(body, "web_fetch");
      if (!tool) return undefined;
      const error = errorParam(spec, WEB_FETCH_ERRORS);
      const url = p.get("url") ?? "https://example.com/page";
      const citations = isObj(tool.citations) && tool.citations.enabled === true;
      b.thinkIfAsked();
      b.text(words(`I'll fetch ${url}.`));
      const id = `srvtoolu_double_${n}`;
      b.serverToolUse("web_fetch", { url }, id);
      b.whole({
        type: "web_fetch_tool_result",
        tool_use_id: id,
        caller: { type: "direct" },
        content: error
          ? { type: "web_fetch_tool_result_error", error_code: error }
          : {
              type: "web_fetch_result",
              url,
              retrieved_at: new Date().toISOString(),
              content: {
                type: "document",
                source: { type: "text", media_type: "text/plain", data: FETCHED_TEXT },
                title: FETCHED_TITLE,
                citations: citations ? { enabled: true } : null,
              },
            },
      });
      if (error) b.text(words(`I couldn't fetch ${url} (${error}).`));
      else if (citations) {
        const start = FETCHED_TEXT.indexOf(FETCHED_QUOTE);
        b.citedText(
          [
            {
              type: "char_location",
              cited_text: FETCHED_QUOTE,
              document_index: 0,
              document_title: FETCHED_TITLE,
              start_char_index: start,
              end_char_index: start + FETCHED_QUOTE.length,
              file_id: null,
            },
          ],
          words("The page says the answer is 42."),
        );
      } else b.text(words("The page says the answer is 42."));
      b.finish("end_turn", output, { serverToolUse: { web_fetch_requests: error ? 0 : 1 } });
      return { events: b.events, ending: "end" };
    }
    case "code_execution":
      return codeExecution(spec, ctx, b, output);
    case "mcp": {
      const server = mcpServers(body)[0];
      if (!hasMcpBeta(ctx.betas ?? []) || !server) return undefined;
      const failed = p.get("error") === "1";
      const id = `mcptoolu_double_${n}`;
      b.thinkIfAsked();
      b.inputBlock(
        {
          type: "mcp_tool_use",
          id,
          name: p.get("tool") ?? "lookup",
          server_name: String(server.name),
          input: {},
        },
        { q: promptQuery(spec, body, "hello") },
      );
      b.whole({
        type: "mcp_tool_result",
        tool_use_id: id,
        is_error: failed,
        content: [
          { type: "text", text: failed ? "MCP tool failed: the server returned an error" : "MCP says hello" },
        ],
      });
      b.text(words(failed ? "The connector reported an error." : "The connector answered."));
      b.finish("end_turn", output);
      return { events: b.events, ending: "end" };
    }
    case "pause": {
      if (!offeredServerTool(body, "web_search")) return undefined;
      const last = messagesOf(body).at(-1);
      const lastBlock = last && Array.isArray(last.content) ? (last.content as unknown[]).at(-1) : undefined;
      if (last?.role === "assistant" && isObj(lastBlock) && SERVER_RESULT_TYPES.has(String(lastBlock.type))) {
        // The app sent the paused turn back: Claude carries on where it stopped, within the same turn.
        b.text(words("Resumed after pause."));
        b.finish("end_turn", output);
        return { events: b.events, ending: "end" };
      }
      const query = promptQuery(spec, body, "weather NYC today");
      const id = `srvtoolu_double_${n}`;
      b.thinkIfAsked();
      b.text(words("Let me search first."));
      b.serverToolUse("web_search", { query }, id);
      b.whole({
        type: "web_search_tool_result",
        tool_use_id: id,
        caller: { type: "direct" },
        content: SEARCH_RESULTS,
      });
      b.finish("pause_turn", output, { serverToolUse: { web_search_requests: 1 } });
      return { events: b.events, ending: "end" };
    }
    default:
      return undefined;
  }
}

/**
 * `code_execution`: a bash command printing 42 whose output file is downloadable from the double's
 * Files API. With the legacy `code_execution_20250522` tool it runs Python through the old
 * `code_execution` tool use and `code_execution_tool_result` instead. Params: `error=<code>`,
 * `return_code=N` (+ `stderr=…`) for a failing command, `command=…`.
 */
function codeExecution(
  spec: ScenarioSpec,
  ctx: PlanContext,
  b: StreamBuilder,
  output: number | undefined,
): Plan | undefined {
  const tool = offeredServerTool(ctx.body, "code_execution");
  if (!tool) return undefined;
  const legacy = tool.type === "code_execution_20250522";
  const p = spec.params;
  const error = errorParam(spec, legacy ? CODE_EXECUTION_ERRORS : BASH_CODE_EXECUTION_ERRORS);
  const returnCode = intParam(p, "return_code", 0);
  const failed = error === undefined && returnCode !== 0;
  const id = `srvtoolu_double_${ctx.n}`;
  const file: DoubleFile = {
    id: `file_double_${ctx.n}`,
    filename: "answer.txt",
    mimeType: "text/plain",
    content: Buffer.from("42\n"),
  };
  const kind = legacy ? "code_execution" : "bash_code_execution";
  const result = {
    type: `${kind}_result`,
    stdout: failed ? "" : "42\n",
    stderr: failed ? (p.get("stderr") ?? "Error: the command failed\n") : "",
    return_code: returnCode,
    content: failed ? [] : [{ type: `${kind}_output`, file_id: file.id }],
  };

  b.thinkIfAsked();
  b.text(words("Let me run that."));
  if (legacy) b.serverToolUse("code_execution", { code: p.get("command") ?? "print(6*7)" }, id);
  else b.serverToolUse("bash_code_execution", { command: p.get("command") ?? "python3 -c 'print(6*7)'" }, id);
  b.whole({
    type: `${kind}_tool_result`,
    tool_use_id: id,
    content: error ? { type: `${kind}_tool_result_error`, error_code: error } : result,
  });
  b.text(
    words(
      error
        ? `The code could not run (${error}).`
        : failed
          ? `The command failed with exit code ${returnCode}.`
          : "The answer is 42.",
    ),
  );
  const container = {
    id: `container_double_${ctx.n}`,
    expires_at: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    skills: null,
  };
  b.finish("end_turn", output, { container });
  return { events: b.events, ending: "end", files: error || failed ? [] : [file] };
}
