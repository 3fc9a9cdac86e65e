import { type HttpReply, invalidRequest } from "./errors";
import { readFixtureJson } from "./fixtures";

interface Model {
  id: string;
  [key: string]: unknown;
}

const MODELS = readFixtureJson<{ response: { body: { data: Model[] } } }>("models.json").response.body.data;

/** Model ids the double accepts besides the listed ones. */
export function isAcceptedModel(id: string): boolean {
  return id === "demo" || id.startsWith("test-") || MODELS.some((m) => m.id === id);
}

export function findModel(id: string): Model | undefined {
  return MODELS.find((m) => m.id === id);
}

export const EFFORT_LEVELS = ["low", "medium", "high", "xhigh", "max"] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

/** What a model accepts for `thinking` and `output_config.effort`, read from its `capabilities`. */
export interface ThinkingCapabilities {
  adaptive: boolean;
  enabled: boolean;
  effort: boolean;
  efforts: ReadonlySet<EffortLevel>;
}

const EVERYTHING: ThinkingCapabilities = {
  adaptive: true,
  enabled: true,
  effort: true,
  efforts: new Set(EFFORT_LEVELS),
};

function supported(value: unknown, ...path: string[]): boolean {
  let node = value;
  for (const key of path) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === "object" && node !== null && (node as { supported?: unknown }).supported === true;
}

/**
 * Thinking capabilities of a listed model; `demo`, `test-*` and unknown ids support everything
 * (unknown ids never get this far: the server answers them with a 404 first).
 */
export function thinkingCapabilities(id: string): ThinkingCapabilities {
  const caps = findModel(id)?.capabilities;
  if (caps === undefined) return EVERYTHING;
  return {
    adaptive: supported(caps, "thinking", "types", "adaptive"),
    enabled: supported(caps, "thinking", "types", "enabled"),
    effort: supported(caps, "effort"),
    efforts: new Set(EFFORT_LEVELS.filter((level) => supported(caps, "effort", level))),
  };
}

/** GET /v1/models: newest first, cursor pagination by `after_id` / `before_id`. */
export function listModels(query: URLSearchParams, requestId: string): HttpReply {
  const limitText = query.get("limit") ?? "20";
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return invalidRequest(`limit: Input should be between 1 and 1000, got ${limitText}`, requestId);
  }
  const afterId = query.get("after_id");
  const beforeId = query.get("before_id");
  let start = 0;
  let end = MODELS.length;
  if (beforeId !== null) {
    end = MODELS.findIndex((m) => m.id === beforeId);
    if (end === -1) return invalidRequest(`before_id: unknown model id ${beforeId}`, requestId);
    start = Math.max(0, end - limit);
  } else {
    if (afterId !== null) {
      const at = MODELS.findIndex((m) => m.id === afterId);
      if (at === -1) return invalidRequest(`after_id: unknown model id ${afterId}`, requestId);
      start = at + 1;
    }
    end = Math.min(MODELS.length, start + limit);
  }
  const data = MODELS.slice(start, end);
  return {
    status: 200,
    headers: { "content-type": "application/json", "request-id": requestId },
    body: {
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: beforeId !== null ? start > 0 : end < MODELS.length,
    },
  };
}
