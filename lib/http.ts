// Thin route handlers: refuse cross-site writes, read bodies capped, parse with zod, turn AppErrors
// into JSON responses, never leak internals; one log line per request.
import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { type RequestScope, runInRequestScope } from "@/lib/request-context";
import { isForeignOrigin } from "@/lib/security/origin";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<C>(handler: Handler<C>): Handler<C> {
  return (request, context) => {
    const scope: RequestScope = { requestId: randomUUID() };
    return runInRequestScope(scope, async () => {
      const started = performance.now();
      const { response, failure } = await answer(handler, request, context);
      const line = {
        method: request.method,
        path: request.nextUrl.pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
        userId: scope.userId,
      };
      if (response.status < 500) logger.info(line, "request");
      else logger.error(failure === undefined ? line : { ...line, err: failure }, "request failed");
      return withHeader(response, "x-request-id", scope.requestId);
    });
  };
}

/** The handler's response, or the refusal it threw; `failure` is an unexpected error (answered 500). */
async function answer<C>(
  handler: Handler<C>,
  request: NextRequest,
  context: C,
): Promise<{ response: Response; failure?: unknown }> {
  try {
    if (MUTATING.has(request.method) && isForeignOrigin(request.headers)) {
      throw new AppError("forbidden:origin", "This request came from another site's page.");
    }
    return { response: await handler(request, context) };
  } catch (error) {
    if (error instanceof AppError)
      return { response: Response.json(error.toBody(), { status: error.status, headers: error.headers }) };
    const internal = new AppError("internal:server", "Something went wrong on the server.");
    return { response: Response.json(internal.toBody(), { status: internal.status }), failure: error };
  }
}

/** Sets a header, copying the response when its headers are immutable (e.g. `Response.redirect`). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

const MAX_BODY_BYTES = 1_000_000;

/** The raw body, refused with `tooLarge()` as soon as it grows past `limit` bytes (whatever Content-Length claims). */
export async function readBodyCapped(
  request: Request,
  limit: number,
  tooLarge: () => AppError,
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

interface JsonBodyOptions {
  limit?: number;
  tooLarge?: () => AppError;
  /** What a body that does not parse is called in the 400's message. */
  notJson?: string;
}

/**
 * The JSON body, unvalidated: refused with 415 unless sent as application/json (an HTML form cannot
 * send that, and another site's script cannot without a CORS preflight, which is never granted),
 * with 413 past `limit` bytes before the rest is read, and with 400 when it is not JSON.
 */
export async function readJson(request: Request, options: JsonBodyOptions = {}): Promise<unknown> {
  const {
    limit = MAX_BODY_BYTES,
    tooLarge = () => new AppError("payload_too_large:input", "The request body is too large."),
    notJson = "The request body must be JSON.",
  } = options;
  const text = await bodyText(request, "application/json", limit, tooLarge);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:input", notJson);
  }
}

/**
 * A form posted the classic way (application/x-www-form-urlencoded), refused with 415 when sent
 * otherwise and with 413 past `limit` bytes.
 */
export async function readForm(
  request: Request,
  limit: number,
  tooLarge: () => AppError,
): Promise<URLSearchParams> {
  return new URLSearchParams(await bodyText(request, "application/x-www-form-urlencoded", limit, tooLarge));
}

/** The body as text, refused with 415 unless sent as `type`, and with `tooLarge()` past `limit` bytes. */
async function bodyText(
  request: Request,
  type: string,
  limit: number,
  tooLarge: () => AppError,
): Promise<string> {
  const sent = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (sent !== type) throw new AppError("unsupported_media_type:body", `Send the request body as ${type}.`);
  return new TextDecoder().decode(await readBodyCapped(request, limit, tooLarge));
}

/** Reads and validates a JSON body, answering 400 / 413 / 415 with the reasons. */
export async function parseJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  options?: JsonBodyOptions,
): Promise<z.infer<T>> {
  return validate(schema, await readJson(request, options));
}

/** Validates the URL's query parameters, answering 400 with the reasons. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return validate(schema, Object.fromEntries(new URL(request.url).searchParams));
}

function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    throw new AppError(
      "bad_request:input",
      issues.map((issue) => `${issue.path || "body"}: ${issue.message}`).join("; "),
      issues,
    );
  }
  return result.data;
}
