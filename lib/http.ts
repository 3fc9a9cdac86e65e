// Thin route handlers: parse with zod, turn AppErrors into JSON responses, never leak internals.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError)
        return Response.json(error.toBody(), { status: error.status, headers: error.headers });
      console.error(
        "unhandled route error",
        request.method,
        new URL(request.url).pathname,
        (error as Error)?.name,
      );
      const internal = new AppError("internal:server", "Something went wrong on the server.");
      return Response.json(internal.toBody(), { status: internal.status });
    }
  };
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

/** Reads and validates a JSON body, answering 400 / 413 with the reasons. */
export async function parseJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    throw new AppError("payload_too_large:input", "The request body is too large.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:input", "The request body must be JSON.");
  }
  return validate(schema, value);
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
