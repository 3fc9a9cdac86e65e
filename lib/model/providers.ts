// What the configured provider (ANTHROPIC_PROVIDER) offers: its model table where it has no Models API,
// and the features it lacks, which the app hides or replaces instead of sending a request it refuses.
import "server-only";
import { env } from "@/lib/env";
import {
  type ProviderFeature,
  type ProviderModel,
  type ProviderName,
  providerEntry,
} from "./provider-models";

export function providerName(): ProviderName {
  return env().provider.name;
}

export function providerLacks(feature: ProviderFeature): boolean {
  return providerEntry(providerName()).lacks.includes(feature);
}

/** The provider's model table, or null where the Models API lists the models. */
export function providerModels(): ProviderModel[] | null {
  return providerLacks("models_api") ? providerEntry(providerName()).models : null;
}

/**
 * The provider's id for a configured model such as TITLE_MODEL (`claude-haiku-4-5`): itself when the
 * provider takes it, else the table's first id of that Anthropic model (a dated id or its alias).
 */
export function providerModelId(id: string): string {
  const models = providerModels();
  if (!models || models.some((model) => model.id === id)) return id;
  const match = models.find((model) => model.canonical === id || model.canonical.startsWith(`${id}-`));
  return match?.id ?? id;
}

/**
 * The model a call is billed (and recorded) as: the reply's own model name, except on a platform,
 * whose replies name Anthropic's model while the platform bills the id it was asked for (a regional
 * endpoint costs more than the global one).
 */
export function billedModel(requested: string, answered: string | null | undefined): string {
  if (providerModels()) return requested;
  return answered || requested;
}

/** The tools the provider cannot run, to switch off with the admin's DISABLED_TOOLS. */
export function providerDisabledTools(): ("web_search" | "web_fetch" | "code_execution" | "connectors")[] {
  const tools = ["web_search", "web_fetch", "code_execution", "connectors"] as const;
  return tools.filter((tool) => providerLacks(tool));
}
