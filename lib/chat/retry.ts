// The reply's own retries of a failed Messages-API call (the SDK's are off for it), so that the
// wait is visible: each one is announced (`retrying`: attempt, seconds, the limit a 429 hit) and the
// chat shows "Rate limited — retrying in N s" while it lasts. Only a call that failed before its
// first event is retried (nothing of it was shown); Stop ends the wait at once. The policy follows
// the SDK's: connection errors, 408, 409, 429 and 5xx, `x-should-retry` overriding; the wait is the
// response's retry-after when under a minute, else 0.5 · 2ⁿ s (at most 8 s) less up to 25 % jitter.
import Anthropic from "@anthropic-ai/sdk";
import { retryAfterMs } from "./errors";
import type { RetryNotice } from "./protocol";
import { rateLimitHit } from "./rate-limit-hit";
import type { ModelClient, ModelStream } from "./runner";

const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryPlan {
  waitMs: number;
  notice: RetryNotice;
}

function shouldRetry(error: InstanceType<typeof Anthropic.APIError>): boolean {
  const header = error.headers?.get("x-should-retry");
  if (header === "true") return true;
  if (header === "false") return false;
  const status = error.status;
  return status === 408 || status === 409 || status === 429 || (status !== undefined && status >= 500);
}

function backoffMs(retry: number, random: () => number): number {
  return Math.min(0.5 * 2 ** (retry - 1), 8) * (1 - random() * 0.25) * 1000;
}

function reasonOf(error: unknown): RetryNotice["reason"] {
  if (error instanceof Anthropic.APIConnectionError) return "connection_error";
  const status = (error as { status?: number }).status;
  if (status === 429) return "rate_limited";
  if (status === 529) return "overloaded";
  return "server_error";
}

/** Whether and when retry number `retry` (1-based) of a failed call goes out; null: give up. */
export function retryPlan(
  error: unknown,
  retry: number,
  maxRetries: number,
  random: () => number = Math.random,
): RetryPlan | null {
  if (retry > maxRetries) return null;
  const connection = error instanceof Anthropic.APIConnectionError;
  if (error instanceof Anthropic.APIUserAbortError) return null;
  if (!connection && !(error instanceof Anthropic.APIError && error.status && shouldRetry(error)))
    return null;
  const headers = connection ? undefined : (error as InstanceType<typeof Anthropic.APIError>).headers;
  const asked = retryAfterMs(headers);
  const waitMs = asked !== null && asked < MAX_RETRY_AFTER_MS ? asked : backoffMs(retry, random);
  const reason = reasonOf(error);
  const message = error instanceof Error ? error.message : "";
  // The spend cap says when access comes back (next month): retrying cannot cure it.
  const limit = reason === "rate_limited" ? rateLimitHit(headers, message, Math.ceil(waitMs / 1000)) : null;
  if (limit?.limit === "spend") return null;
  return {
    waitMs,
    notice: {
      attempt: retry,
      retryAfterSeconds: Math.ceil(waitMs / 1000),
      reason,
      limit: limit?.limit ?? null,
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", aborted);
    };
    const aborted = () => {
      done();
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal.addEventListener("abort", aborted, { once: true });
  });
}

export interface RetryHooks {
  maxRetries: number;
  /** A retry is about to wait `notice.retryAfterSeconds`. */
  onWait(notice: RetryNotice): void;
  /** The wait is over; the call goes out again. */
  onResume(): void;
}

type StreamEvent = ModelStream extends AsyncIterable<infer T> ? T : never;

/**
 * The model client with visible retries of calls that fail before their first event. After the
 * first event the call's own iterator answers directly: no extra async layer on every event.
 */
export function withRetries(model: ModelClient, hooks: RetryHooks): ModelClient {
  return {
    stream(request, signal) {
      let current: ModelStream | null = null;
      let events: AsyncIterator<StreamEvent> | null = null;
      const firstEvent = async (): Promise<IteratorResult<StreamEvent>> => {
        for (let retry = 1; ; retry++) {
          current = model.stream(request, signal);
          const call = current[Symbol.asyncIterator]();
          try {
            const first = await call.next();
            events = call;
            return first;
          } catch (error) {
            const plan = signal.aborted ? null : retryPlan(error, retry, hooks.maxRetries);
            if (!plan) throw error;
            hooks.onWait(plan.notice);
            await pause(plan.waitMs, signal);
            hooks.onResume();
          }
        }
      };
      const done: IteratorResult<StreamEvent> = { done: true, value: undefined };
      return {
        requestId: () => current?.requestId() ?? null,
        [Symbol.asyncIterator]: () => ({
          next: () => (events ? events.next() : firstEvent()),
          return: async () => (await events?.return?.()) ?? done,
        }),
      };
    },
  };
}
