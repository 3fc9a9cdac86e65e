// The models offered in the picker: the live list from GET /v1/models (cached), or a built-in list
// when the Models API cannot be reached. Retired models are hidden; deprecated ones are marked.
import "server-only";
import { env } from "@/lib/env";
import { anthropic } from "./client";
import { DEMO_MODEL } from "./demo";
import fallbackModels from "./fallback-models.json";
import { canonicalModelId, type ProviderModel } from "./provider-models";
import { providerModels } from "./providers";
import { EFFORT_LEVELS, type ModelInfo } from "./types";

const CACHE_MS = 5 * 60_000;
const PREFERRED_DEFAULTS = ["claude-sonnet-4-6", "claude-opus-4-8", "claude-sonnet-5"];

let cache: { at: number; models: ModelInfo[] } | undefined;
/** The request for the list in flight: replies starting together share one (no stampede at expiry). */
let loading: Promise<{ models: ModelInfo[]; live: boolean }> | undefined;

interface ApiModel {
  id: string;
  display_name?: string;
  max_input_tokens?: number | null;
  max_tokens?: number | null;
  lifecycle?: string | null;
  capabilities?: {
    image_input?: { supported?: boolean };
    thinking?: {
      supported?: boolean;
      types?: { adaptive?: { supported?: boolean }; enabled?: { supported?: boolean } };
    };
    effort?: { supported?: boolean } & Partial<Record<string, { supported?: boolean } | boolean>>;
    code_execution?: { supported?: boolean };
  } | null;
}

function thinkingSupport(capabilities: ApiModel["capabilities"]): ModelInfo["thinking"] {
  const thinking = capabilities?.thinking;
  const on = thinking?.supported !== false;
  const adaptive = on && thinking?.types?.adaptive?.supported === true;
  const effort = capabilities?.effort;
  return {
    adaptive,
    budget: on && thinking?.types?.enabled?.supported === true,
    effort:
      adaptive && effort?.supported === true
        ? EFFORT_LEVELS.filter((level) => (effort[level] as { supported?: boolean } | undefined)?.supported)
        : [],
  };
}

export function toModelInfo(model: ApiModel): ModelInfo {
  const thinking = model.capabilities?.thinking?.types;
  const adaptiveOnly = thinking?.adaptive?.supported === true && thinking?.enabled?.supported === false;
  return {
    id: model.id,
    displayName: model.display_name || model.id,
    contextWindow: model.max_input_tokens ?? null,
    maxOutputTokens: model.max_tokens ?? 8192,
    deprecated: model.lifecycle === "deprecated",
    // Adaptive-thinking-only models (4.7 and later) reject non-default sampling parameters.
    samplingParams: !adaptiveOnly,
    imageInput: model.capabilities?.image_input?.supported !== false,
    thinking: thinkingSupport(model.capabilities),
    codeExecution: model.capabilities?.code_execution?.supported !== false,
  };
}

const FALLBACK: ModelInfo[] = fallbackModels.map((model) =>
  toModelInfo({
    ...model,
    capabilities: {
      image_input: { supported: model.image_input },
      thinking: {
        types: {
          adaptive: { supported: model.thinking.adaptive },
          enabled: { supported: model.thinking.enabled },
        },
      },
      effort: {
        supported: model.effort.length > 0,
        ...Object.fromEntries(model.effort.map((level) => [level, { supported: true }])),
      },
    },
  }),
);

/** A platform's table entry with the capabilities of the Anthropic model it is. */
function fromProviderTable(entry: ProviderModel): ModelInfo {
  const known =
    FALLBACK.find((model) => model.id === entry.canonical) ?? toModelInfo({ id: entry.canonical });
  const displayName = entry.label ? `${known.displayName} (${entry.label})` : known.displayName;
  return { ...known, id: entry.id, displayName };
}

async function fetchModels(): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  for await (const model of (await anthropic()).models.list({ limit: 100 })) {
    const apiModel = model as unknown as ApiModel;
    if (apiModel.lifecycle !== "retired") models.push(toModelInfo(apiModel));
  }
  return models;
}

async function loadModels(): Promise<{ models: ModelInfo[]; live: boolean }> {
  try {
    const models = await fetchModels();
    if (models.length === 0) return { models: FALLBACK, live: false };
    cache = { at: Date.now(), models };
    return { models, live: true };
  } catch {
    return { models: FALLBACK, live: false };
  }
}

export async function listModels(): Promise<{ models: ModelInfo[]; live: boolean }> {
  if (env().demoMode) return { models: [toModelInfo(DEMO_MODEL)], live: true };
  // A platform without a Models API: its table is the list (and only its ids are accepted).
  const table = providerModels();
  if (table) return { models: table.map(fromProviderTable), live: true };
  if (cache && Date.now() - cache.at < CACHE_MS) return { models: cache.models, live: true };
  loading ??= loadModels().finally(() => {
    loading = undefined;
  });
  return loading;
}

/** The configured default if offered, else a preferred current model, never a deprecated one. */
export function defaultModelId(models: ModelInfo[]): string {
  const usable = models.filter((model) => !model.deprecated);
  const configured = env().DEFAULT_MODEL;
  if (configured && models.some((model) => model.id === configured)) return configured;
  // A platform's ids name the same models: the preference is by the Anthropic id.
  for (const id of PREFERRED_DEFAULTS) {
    const preferred = usable.find((model) => canonicalModelId(model.id) === id);
    if (preferred) return preferred.id;
  }
  return usable[0]?.id ?? models[0]?.id ?? DEMO_MODEL.id;
}

export async function findModel(id: string): Promise<ModelInfo | undefined> {
  return (await listModels()).models.find((model) => model.id === id);
}

/** How the Messages API names Claude models: `claude-opus-4-8`, `claude-haiku-4-5-20251001`. */
const CLAUDE_MODEL_ID = /^claude-[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Whether a reply may use the model `id`: the Models API lists it, or, while that list cannot be
 * read, the id looks like a Claude model's. Null: refuse it; otherwise its details, when known.
 */
export async function acceptModel(id: string): Promise<{ model: ModelInfo | undefined } | null> {
  const { models, live } = await listModels();
  const model = models.find((listed) => listed.id === id);
  if (model) return { model };
  return !live && CLAUDE_MODEL_ID.test(id) ? { model: undefined } : null;
}
