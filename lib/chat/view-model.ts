// The shape of a message in the browser, built from a stored row or from live events.
import type { ContentBlock } from "./content";
import { forBrowser, parseContent } from "./content";
import type { ChatErrorInfo, ReplyStatus, RetryNotice, TokenUsage } from "./protocol";

export interface ChatMessage {
  id: string;
  role: "user" | "assistant";
  status: ReplyStatus;
  content: ContentBlock[];
  model: string | null;
  stopReason: string | null;
  usage: TokenUsage;
  costUsd: number | null;
  requestId: string | null;
  error: ChatErrorInfo | null;
  /** This message and its alternatives (edits, regenerated replies), oldest first. */
  siblingIds: string[];
  /** While a failed call waits to be sent again (live only, never stored). */
  retry?: RetryNotice | null;
}

/** A page of the active branch as the browser gets it. */
export interface MessagePage {
  messages: ChatMessage[];
  /** Load the page above with `?before=` this id; null at the start of the conversation. */
  olderCursor: string | null;
}

export interface StoredMessage {
  id: string;
  role: string;
  content: string;
  status: string;
  model: string | null;
  stopReason: string | null;
  errorType: string | null;
  errorMessage: string | null;
  errorParams?: string | null;
  requestId: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  thinkingTokens?: number;
  webSearchRequests?: number;
  webFetchRequests?: number;
  costUsd: number | null;
  siblingIds?: string[];
}

/** Stored values for an error's message: flat strings and numbers only, anything else dropped. */
function errorParams(json: string | null | undefined): { params?: Record<string, string | number> } {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const params = Object.fromEntries(
      Object.entries(parsed).filter(([, value]) => typeof value === "string" || typeof value === "number"),
    ) as Record<string, string | number>;
    return { params };
  } catch {
    return {};
  }
}

export function toChatMessage(row: StoredMessage): ChatMessage {
  return {
    id: row.id,
    role: row.role === "assistant" ? "assistant" : "user",
    status: (["streaming", "done", "stopped", "error"].includes(row.status)
      ? row.status
      : "done") as ReplyStatus,
    content: parseContent(row.content).map(forBrowser),
    model: row.model,
    stopReason: row.stopReason,
    usage: {
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      cacheReadTokens: row.cacheReadTokens,
      cacheWriteTokens: row.cacheWriteTokens,
      ...(row.thinkingTokens ? { thinkingTokens: row.thinkingTokens } : {}),
      ...(row.webSearchRequests ? { webSearchRequests: row.webSearchRequests } : {}),
      ...(row.webFetchRequests ? { webFetchRequests: row.webFetchRequests } : {}),
    },
    costUsd: row.costUsd,
    requestId: row.requestId,
    error: row.errorType
      ? {
          type: row.errorType,
          message: row.errorMessage ?? "",
          requestId: row.requestId,
          retryAfterSeconds: null,
          ...errorParams(row.errorParams),
        }
      : null,
    siblingIds: row.siblingIds ?? [row.id],
  };
}

export function toMessagePage(page: { messages: StoredMessage[]; olderCursor: string | null }): MessagePage {
  return { messages: page.messages.map(toChatMessage), olderCursor: page.olderCursor };
}
