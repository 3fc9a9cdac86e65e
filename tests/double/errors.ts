import { readFixtureJson } from "./fixtures";

export interface ErrorCase {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const CASES = readFixtureJson<{ cases: ErrorCase[] }>("errors.json").cases;

export const ERROR_STATUSES: ReadonlySet<number> = new Set(CASES.map((c) => c.status));

/** Thrown for a bad scenario spec; the server answers it with a 400 naming the problem. */
export class ScenarioError extends Error {}

export function envelope(type: string, message: string, requestId: string) {
  return { type: "error", error: { type, message }, request_id: requestId };
}

export function errorReply(status: number, type: string, message: string, requestId: string): HttpReply {
  return {
    status,
    headers: { "content-type": "application/json", "request-id": requestId },
    body: envelope(type, message, requestId),
  };
}

export function invalidRequest(message: string, requestId: string): HttpReply {
  return errorReply(400, "invalid_request_error", message, requestId);
}

export function modelNotFound(model: string, requestId: string): HttpReply {
  const reply = errorReply(404, "not_found_error", `model: ${model}`, requestId);
  reply.headers["x-should-retry"] = "false";
  return reply;
}

/** HTTP status the API uses for an error type, e.g. for an `event: error` replayed without streaming. */
export function statusForErrorType(type: string): number {
  const found = CASES.find((c) => (c.body as { error?: { type?: string } }).error?.type === type);
  return found?.status ?? 500;
}

/**
 * The recorded case for `error:<status>`. Params: `case=<id>` picks a case from errors.json,
 * `retry_after=<s>|none` (429 only; `none` = the spend-cap case, which has no retry-after),
 * `noretry=1` sends `x-should-retry: false`, `limit=requests|input-tokens|output-tokens` (429 only)
 * makes that limit the exhausted one (remaining 0, the others not) and every reset `retry_after` from now.
 */
export function errorCase(status: number, params: URLSearchParams): HttpReply {
  const wanted = params.get("case");
  const retryAfter = params.get("retry_after") ?? "1";
  let found: ErrorCase | undefined;
  if (wanted) found = CASES.find((c) => c.id === wanted && c.status === status);
  else if (status === 429)
    found = CASES.find((c) => c.id === (retryAfter === "none" ? "429_spend_cap" : "429_rate_limit_error"));
  else found = CASES.find((c) => c.status === status);
  if (!found)
    throw new ScenarioError(
      `No recorded error case for status ${status}${wanted ? ` and case ${wanted}` : ""}`,
    );

  const headers = { ...found.headers };
  if (headers["retry-after"] !== undefined) {
    if (!/^\d+$/.test(retryAfter))
      throw new ScenarioError(`retry_after must be seconds or "none", got ${retryAfter}`);
    headers["retry-after"] = retryAfter;
  }
  if (params.get("noretry") === "1") headers["x-should-retry"] = "false";
  const limit = params.get("limit");
  if (limit !== null) exhaust(headers, limit, Number(/^\d+$/.test(retryAfter) ? retryAfter : 60));
  return { status: found.status, headers, body: structuredClone(found.body) };
}

const LIMIT_KINDS = ["requests", "input-tokens", "output-tokens"];

/** Rewrites a 429's rate-limit headers so that `limit` is the one at 0, resetting `seconds` from now. */
function exhaust(headers: Record<string, string>, limit: string, seconds: number) {
  if (!LIMIT_KINDS.includes(limit))
    throw new ScenarioError(`limit must be one of ${LIMIT_KINDS.join(", ")}, got "${limit}"`);
  const reset = new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const kind of LIMIT_KINDS) {
    const prefix = `anthropic-ratelimit-${kind}`;
    const max = headers[`${prefix}-limit`] ?? "1000";
    headers[`${prefix}-limit`] = max;
    headers[`${prefix}-remaining`] = kind === limit ? "0" : String(Math.floor(Number(max) / 2));
    headers[`${prefix}-reset`] = reset;
  }
}
