// The cloud platforms' model tables (providers.json): their own model ids, which Anthropic model each
// one is (for prices and capabilities), and the features each platform lacks. Pure data lookups, safe
// in the browser; lib/model/providers.ts applies them to the configured provider.
import table from "./providers.json";

export const PROVIDERS = ["anthropic", "bedrock", "vertex", "foundry"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const PROVIDER_FEATURES = [
  "models_api",
  "files_api",
  "batches",
  "count_tokens",
  "url_images",
  "web_search",
  "web_fetch",
  "code_execution",
  "connectors",
] as const;
export type ProviderFeature = (typeof PROVIDER_FEATURES)[number];

export interface ProviderModel {
  /** The id the platform takes (Bedrock model or inference profile id, Vertex model name, Foundry deployment). */
  id: string;
  /** The same model's id on Anthropic's API. */
  canonical: string;
  /** Which endpoint or inference profile, shown beside the name where one model has several ids. */
  label?: string;
}

interface ProviderEntry {
  lacks: ProviderFeature[];
  models: ProviderModel[];
}

const PROVIDER_TABLE = table as Record<ProviderName, ProviderEntry>;

export function providerEntry(name: ProviderName): ProviderEntry {
  return PROVIDER_TABLE[name];
}

/** Anthropic's id for any platform's model id (an Anthropic id, or an unknown one, is returned as is). */
export function canonicalModelId(id: string): string {
  for (const name of PROVIDERS) {
    const model = PROVIDER_TABLE[name].models.find((entry) => entry.id === id);
    if (model) return model.canonical;
  }
  return id;
}
