// The browser's one way to call our API: JSON in and out, and every refusal read into an ApiFailure
// (the server's stable code and values) that lib/i18n/use-error-text.ts turns into catalogue text.
import { isErrorBody } from "@/lib/errors";

export interface ApiFailure {
  /**
   * The server's stable code (lib/errors.ts); "connection_error" when it could not be reached,
   * `http_<status>` when it answered without an error body.
   */
  code: string;
  /** 0 when the server could not be reached. */
  status: number;
  params: Record<string, string | number>;
  issues: { path: string; message: string }[];
  /** The server's request id (the `x-request-id` header), to quote when reporting a fault. */
  requestId?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure };

/** The answer itself (e.g. a reply stream) or why there is none. */
export type RawResult = { ok: true; response: Response } | { ok: false; failure: ApiFailure };

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, labelled JSON (e.g. a file the user picked, which the server validates). */
  jsonText?: string;
  signal?: AbortSignal;
}

export const CONNECTION_FAILURE: ApiFailure = { code: "connection_error", status: 0, params: {}, issues: [] };

/** The failure a refused response carries (its body is read). */
export async function failureOf(response: Response): Promise<ApiFailure> {
  const body = await response.json().catch(() => null);
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (!isErrorBody(body))
    return { code: `http_${response.status}`, status: response.status, params: {}, issues: [], requestId };
  const retryAfter = Number(response.headers.get("retry-after"));
  return {
    code: body.error.code,
    status: response.status,
    params: {
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      ...body.error.params,
    },
    issues: body.error.issues ?? [],
    requestId,
  };
}

/** Sends the request and hands back the response when it succeeded (2xx). */
export async function requestRaw(path: string, options: RequestOptions = {}): Promise<RawResult> {
  const { method = "GET", body, jsonText, signal } = options;
  const sent = jsonText ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(path, {
    method,
    signal,
    cache: "no-store",
    ...(sent === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: sent }),
  }).catch(() => null);
  if (!response) return { ok: false, failure: CONNECTION_FAILURE };
  if (!response.ok) return { ok: false, failure: await failureOf(response) };
  return { ok: true, response };
}

/** Sends the request and reads the JSON answer (null for an empty one, e.g. 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const result = await requestRaw(path, options);
  if (!result.ok) return result;
  const text = await result.response.text().catch(() => null);
  if (text === null) return { ok: false, failure: CONNECTION_FAILURE };
  try {
    return { ok: true, data: (text ? JSON.parse(text) : null) as T };
  } catch {
    const status = result.response.status;
    return { ok: false, failure: { code: `http_${status}`, status, params: {}, issues: [] } };
  }
}

/** `/api/…/<id>` with the id escaped. */
export function at(base: string, ...ids: string[]): string {
  return [base, ...ids.map(encodeURIComponent)].join("/");
}
