// Turns the Messages-API stream events of one API call (a step of a reply) into app ChatEvents while
// accumulating that call's content blocks, usage and stop reason. Unknown event and delta types are
// ignored. Indexes in the app events count from `offset`: the blocks of earlier steps come first.
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import { type ContentBlock, forBrowser } from "./content";
import { type ChatEvent, EMPTY_USAGE, type TokenUsage } from "./protocol";

type UsageFields = {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_creation?: { ephemeral_1h_input_tokens?: number | null } | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  server_tool_use?: { web_search_requests?: number | null; web_fetch_requests?: number | null } | null;
};

const TOOL_CALLS = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);
const STREAMED = new Set(["text", "thinking"]);

/** The app event announcing a finished block that is not streamed (tool calls, results, others). */
function finishedBlockEvent(index: number, block: ContentBlock): ChatEvent {
  const shown = forBrowser(block);
  if (TOOL_CALLS.has(block.type)) return { type: "tool_call", index, block: shown };
  if (block.type.endsWith("tool_result")) return { type: "tool_result", index, block: shown };
  return { type: "content", index, block: shown };
}

export class ReplyAccumulator {
  readonly content: ContentBlock[] = [];
  usage: TokenUsage = { ...EMPTY_USAGE };
  stopReason: string | null = null;
  model: string | null = null;
  private readonly partialJson = new Map<number, string>();

  /** `offset`: how many blocks earlier steps of the same reply hold. */
  constructor(private readonly offset = 0) {}

  /** Applies one upstream event and returns the app events it produces (often none). */
  apply(event: RawMessageStreamEvent | { type: string }): ChatEvent[] {
    const raw = event as RawMessageStreamEvent;
    switch (raw.type) {
      case "message_start":
        this.model = raw.message.model;
        this.mergeUsage(raw.message.usage as UsageFields);
        return [{ type: "usage", usage: this.usage }];
      case "content_block_start":
        return this.startBlock(raw.index, structuredClone(raw.content_block) as ContentBlock);
      case "content_block_delta":
        return this.applyDelta(raw.index, raw.delta as unknown as { type: string; [key: string]: unknown });
      case "content_block_stop":
        return this.stopBlock(raw.index);
      case "message_delta":
        this.stopReason = raw.delta.stop_reason ?? this.stopReason;
        this.mergeUsage(raw.usage as UsageFields);
        return [{ type: "usage", usage: this.usage }];
      default:
        return [];
    }
  }

  /**
   * Every block so far at its position (a block that never started holds an empty text), tool input
   * left unfinished parsed as far as it goes.
   */
  contentSoFar(): ContentBlock[] {
    for (const index of this.partialJson.keys()) this.finishJson(index);
    return Array.from(this.content, (block) => block ?? { type: "text", text: "" });
  }

  /** The client tool calls of this step, in order. */
  toolCalls(): { id: string; name: string; input: unknown }[] {
    return this.content.flatMap((block) =>
      block?.type === "tool_use" ? [block as unknown as { id: string; name: string; input: unknown }] : [],
    );
  }

  /** Content worth keeping: drops empty text blocks and parses tool input left unfinished. */
  finalContent(): ContentBlock[] {
    for (const index of this.partialJson.keys()) this.finishJson(index);
    return this.content.filter((block) => block && !(block.type === "text" && block.text === ""));
  }

  private startBlock(at: number, block: ContentBlock): ChatEvent[] {
    this.content[at] = block;
    const index = this.offset + at;
    if (block.type === "text") {
      const text = (block as { text: string }).text;
      return [
        { type: "block", index, kind: "text" },
        ...(text ? [{ type: "delta" as const, index, text }] : []),
      ];
    }
    if (block.type === "thinking") {
      const thinking = (block as { thinking: string }).thinking;
      return [
        { type: "block", index, kind: "thinking" },
        ...(thinking ? [{ type: "delta" as const, index, text: thinking }] : []),
      ];
    }
    return [];
  }

  private stopBlock(at: number): ChatEvent[] {
    this.finishJson(at);
    const block = this.content[at];
    if (!block) return [];
    // A streamed text block's citations arrive as deltas the browser does not get: send it whole.
    const cited = block.type === "text" && ((block as { citations?: unknown[] }).citations?.length ?? 0) > 0;
    if (STREAMED.has(block.type) && !cited) return [];
    return [finishedBlockEvent(this.offset + at, block)];
  }

  private applyDelta(at: number, delta: { type: string; [key: string]: unknown }): ChatEvent[] {
    const block = this.content[at] as Record<string, unknown> | undefined;
    if (!block) return [];
    const index = this.offset + at;
    switch (delta.type) {
      case "text_delta": {
        const text = String(delta.text ?? "");
        block.text = String(block.text ?? "") + text;
        return [{ type: "delta", index, text }];
      }
      case "thinking_delta": {
        const text = String(delta.thinking ?? "");
        block.thinking = String(block.thinking ?? "") + text;
        return [{ type: "delta", index, text }];
      }
      case "signature_delta":
        block.signature = String(block.signature ?? "") + String(delta.signature ?? "");
        return [];
      case "input_json_delta":
        this.partialJson.set(at, (this.partialJson.get(at) ?? "") + String(delta.partial_json ?? ""));
        return [];
      case "citations_delta":
        block.citations = [...((block.citations as unknown[]) ?? []), delta.citation];
        return [];
      default:
        return [];
    }
  }

  private finishJson(index: number) {
    const json = this.partialJson.get(index);
    if (json === undefined) return;
    this.partialJson.delete(index);
    const block = this.content[index] as Record<string, unknown> | undefined;
    if (!block) return;
    try {
      block.input = json ? JSON.parse(json) : {};
    } catch {
      block.input = {};
      block.truncated_input = json; // cut off (e.g. max_tokens) — keep what arrived
    }
  }

  private mergeUsage(usage: UsageFields | null | undefined) {
    if (!usage) return;
    // Counts are cumulative: overwrite, never add.
    const previous = this.usage;
    const next: TokenUsage = {
      inputTokens: usage.input_tokens ?? previous.inputTokens,
      outputTokens: usage.output_tokens ?? previous.outputTokens,
      cacheReadTokens: usage.cache_read_input_tokens ?? previous.cacheReadTokens,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? previous.cacheWriteTokens,
      cacheWrite1hTokens: usage.cache_creation?.ephemeral_1h_input_tokens ?? previous.cacheWrite1hTokens ?? 0,
    };
    const optional = {
      thinkingTokens: usage.output_tokens_details?.thinking_tokens ?? previous.thinkingTokens,
      webSearchRequests: usage.server_tool_use?.web_search_requests ?? previous.webSearchRequests,
      webFetchRequests: usage.server_tool_use?.web_fetch_requests ?? previous.webFetchRequests,
    };
    for (const [key, value] of Object.entries(optional))
      if (value != null) next[key as keyof typeof optional] = value;
    this.usage = next;
  }
}
