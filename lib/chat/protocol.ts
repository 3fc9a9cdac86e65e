// The app-level streaming protocol between the chat route handlers and the browser, used by both.
// Wire format: Server-Sent Events, one JSON `ChatEvent` per event, `id:` = its sequence number
// within the reply, so a client that reconnects can ask for the events after the last one it saw.
//
//   start → (step? → retrying* → (block → delta* | tool_call | tool_result | content)* → usage*)+ → end
//
// A follower served by another app instance than the generating one may get a `snapshot` first:
// the whole content as of its seq (saved progress), standing for every earlier event.
//
// A reply may take several Messages-API calls (a tool loop, a paused server tool): `step` opens
// each call after the first. `index` is a position in the assistant message's content, which
// holds the blocks of every step in order (the tool results the app adds included). Text and
// thinking blocks stream (`block`, then `delta`s); other blocks arrive whole once complete:
// `tool_call` (tool_use, server_tool_use, mcp_tool_use), `tool_result` (the app's tool_result and
// the API's *_tool_result blocks) and `content` (anything else: redacted_thinking, future types).
// `retrying` says a call failed before its first event (a 429, an overloaded API, a lost connection)
// and goes out again after `retryAfterSeconds`; any later event of the reply ends that wait.
// Thinking signatures and redacted data stay on the server. Clients must ignore event types they
// do not know.

import type { TokenUsage } from "@/lib/pricing/cost";
import { SseDecoder, type SseMessage } from "@/lib/sse/decoder";
import type { ContentBlock } from "./content";
import type { RateLimitName } from "./rate-limit-hit";

export type { TokenUsage };

export type ReplyStatus = "streaming" | "done" | "stopped" | "error";

export interface ChatErrorInfo {
  /** A Messages-API error type (e.g. `overloaded_error`) or an app cause: `connection_error`, `stalled`, `interrupted`, `credit_balance`, `request_too_large`, `unknown`. */
  type: string;
  message: string;
  requestId: string | null;
  retryAfterSeconds: number | null;
  /** Values for the translated message (e.g. `budget_exceeded`: budgetUsd, resetsAt). */
  params?: Record<string, string | number>;
}

/** A failed call about to be sent again; `limit`: the rate limit a 429 hit (see rate-limit-hit.ts). */
export interface RetryNotice {
  /** 1 for the first retry. */
  attempt: number;
  retryAfterSeconds: number;
  reason: "rate_limited" | "overloaded" | "server_error" | "connection_error";
  limit: RateLimitName | null;
}

export type ChatEvent =
  | {
      type: "start";
      conversationId: string;
      userMessageId: string;
      assistantMessageId: string;
      model: string;
    }
  | { type: "step"; step: number }
  | ({ type: "retrying" } & RetryNotice)
  | { type: "block"; index: number; kind: "text" | "thinking" }
  | { type: "delta"; index: number; text: string }
  | { type: "tool_call"; index: number; block: ContentBlock }
  | { type: "tool_result"; index: number; block: ContentBlock }
  | { type: "content"; index: number; block: ContentBlock }
  | { type: "usage"; usage: TokenUsage }
  | { type: "snapshot"; content: ContentBlock[] }
  | {
      type: "end";
      status: Exclude<ReplyStatus, "streaming">;
      stopReason: string | null;
      usage: TokenUsage;
      costUsd: number | null;
      requestId: string | null;
      error: ChatErrorInfo | null;
    };

export interface SequencedEvent {
  seq: number;
  event: ChatEvent;
}

export function encodeChatEvent({ seq, event }: SequencedEvent): string {
  return `id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

// Kept on the event itself under a symbol: a WeakMap entry per event costs the garbage collector
// more than the event, and JSON (the shared bus) never sees a symbol key.
const WIRE = Symbol("wire");

/** encodeChatEvent, serialized once per event however many listeners (tabs, followers) send it. */
export function encodedChatEvent(sequenced: SequencedEvent): string {
  const event = sequenced as SequencedEvent & { [WIRE]?: string };
  event[WIRE] ??= encodeChatEvent(sequenced);
  return event[WIRE];
}

/** Incremental decoder of the app's reply stream: feed it network chunks, get complete events. */
export class ChatEventDecoder {
  private readonly sse = new SseDecoder();

  push(chunk: Uint8Array): SequencedEvent[] {
    const events: SequencedEvent[] = [];
    for (const message of this.sse.push(chunk)) {
      const parsed = toSequencedEvent(message);
      if (parsed) events.push(parsed);
    }
    return events;
  }
}

function toSequencedEvent({ id, data }: SseMessage): SequencedEvent | null {
  const seq = id === null ? Number.NaN : Number(id.trim());
  if (!data || !Number.isInteger(seq) || seq < 0) return null;
  try {
    const event = JSON.parse(data) as ChatEvent;
    return typeof event?.type === "string" ? { seq, event } : null;
  } catch {
    return null;
  }
}

export const EMPTY_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
};
