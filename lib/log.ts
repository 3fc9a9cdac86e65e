// Operator logs: one JSON object per line on stdout (pino), at LOG_LEVEL. Callers pass ids, counts
// and statuses, never request bodies, message text, prompts, headers or secrets; `redact` is the
// second line of defence for the paths such things would have.
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";
import { requestScope } from "@/lib/request-context";

// Keys whose values must never reach the log, at the top level and up to two levels down (req.headers.cookie).
const SECRET_KEYS = [
  "cookie",
  "authorization",
  '["x-api-key"]',
  '["set-cookie"]',
  "apiKey",
  "token",
  "password",
  "text",
  "prompt",
  "system",
  "systemPrompt",
  "messages",
  "body",
];

const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const child = key.startsWith("[") ? key : `.${key}`;
  return [key, `*${child}`, `*.*${child}`];
});

/**
 * An error as logged: its type, code, HTTP status and stack frames. Not its message: some embed user
 * data (Prisma's validation errors print the query's arguments, API errors may quote the request).
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, status } = error as { code?: unknown; status?: unknown };
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  return {
    type: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(typeof status === "number" ? { status } : {}),
    stack: [error.name, ...frames].join("\n"),
    ...(error.cause !== undefined ? { cause: errorForLog(error.cause) } : {}),
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: errorForLog },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    // Lines written while a request (or the reply it started) is handled carry its id.
    mixin: () => {
      const scope = requestScope();
      return scope ? { requestId: scope.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger(env().LOG_LEVEL);
