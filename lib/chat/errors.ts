// Classifies a failed or interrupted upstream call into the cause shown to the user.
import Anthropic from "@anthropic-ai/sdk";
import { BudgetExceededError } from "@/lib/budget/errors";
import type { ChatErrorInfo } from "./protocol";
import { rateLimitHit } from "./rate-limit-hit";

export class StalledError extends Error {
  constructor(ms: number) {
    super(`No data from the API for ${Math.round(ms / 1000)} s.`);
    this.name = "StalledError";
  }
}

function header(headers: Headers | Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  return headers[name] ?? null;
}

/** The wait a response asks for (`retry-after-ms`, `retry-after` in seconds or as a date); null when none. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  const ms = Number(header(headers, "retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = header(headers, "retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function retryAfterSeconds(headers: Headers | undefined): number | null {
  const ms = retryAfterMs(headers);
  return ms === null ? null : Math.ceil(ms / 1000);
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  409: "conflict_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

export function classifyError(error: unknown, requestId: string | null = null): ChatErrorInfo {
  if (error instanceof BudgetExceededError) {
    return {
      type: "budget_exceeded",
      message: error.message,
      requestId,
      retryAfterSeconds: null,
      params: error.params,
    };
  }
  if (error instanceof StalledError) {
    return { type: "stalled", message: error.message, requestId, retryAfterSeconds: null };
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return { type: "connection_error", message: error.message, requestId, retryAfterSeconds: null };
  }
  if (error instanceof Anthropic.APIError) {
    const body = error.error as { error?: { type?: string; message?: string } } | undefined;
    const message = body?.error?.message ?? error.message;
    let type = body?.error?.type ?? (error.status ? TYPE_BY_STATUS[error.status] : undefined) ?? "api_error";
    if (error.status === 413) type = "request_too_large";
    if (type === "invalid_request_error" && /credit balance/i.test(message)) type = "credit_balance";
    if (error.status === 429) return rateLimited(error, message, requestId);
    return {
      type,
      message,
      requestId: error.requestID ?? requestId,
      retryAfterSeconds: null,
    };
  }
  // The SDK reports a connection cut mid-stream as a plain error ("terminated").
  const message = error instanceof Error ? error.message : String(error);
  const type = /terminated|socket|ECONNRESET|network|fetch failed/i.test(message)
    ? "connection_error"
    : "unknown";
  return { type, message, requestId, retryAfterSeconds: null };
}

/** A 429: the stable code `rate_limited`, with the limit that was hit and when it resets. */
function rateLimited(
  error: InstanceType<typeof Anthropic.APIError>,
  message: string,
  requestId: string | null,
) {
  const wait = retryAfterSeconds(error.headers);
  const { limit, resetsAt } = rateLimitHit(error.headers, message, wait);
  const params: Record<string, string> = {};
  if (limit) params.limit = limit;
  if (resetsAt) params.resetsAt = resetsAt;
  return {
    type: "rate_limited",
    message,
    requestId: error.requestID ?? requestId,
    retryAfterSeconds: wait,
    params,
  };
}

/**
 * An API refusal that points at a tool definition (`tools.3.max_uses: …`) names the tool, so the
 * user knows which switch or connector to look at.
 */
export function namingTheTool(error: ChatErrorInfo, tools: readonly unknown[] | undefined): ChatErrorInfo {
  const index = /\btools\.(\d+)/.exec(error.message)?.[1];
  if (error.type !== "invalid_request_error" || index === undefined || !tools) return error;
  const tool = tools[Number(index)] as { name?: string; mcp_server_name?: string } | undefined;
  const name = tool?.name ?? tool?.mcp_server_name;
  return name ? { ...error, message: `The tool "${name}" was refused: ${error.message}` } : error;
}
