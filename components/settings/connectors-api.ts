// The settings page's connector changes, each answered with the new connector or why not.

import * as api from "@/lib/api-client/connectors";
import type { ApiFailure } from "@/lib/api-client/request";
import type { ConnectorView } from "@/lib/connectors/schema";

export type { ConnectorInput } from "@/lib/api-client/connectors";
export type { ApiFailure } from "@/lib/api-client/request";

export async function createConnector(
  input: api.ConnectorInput,
): Promise<{ connector: ConnectorView } | { failure: ApiFailure }> {
  const result = await api.createConnector(input);
  if (!result.ok) return { failure: result.failure };
  if (result.data?.connector) return { connector: result.data.connector };
  return { failure: { code: "http_200", status: 200, params: {}, issues: [] } };
}

/** Null when deleted (or already gone). */
export async function deleteConnector(id: string): Promise<ApiFailure | null> {
  const result = await api.deleteConnector(id);
  return result.ok || result.failure.status === 404 ? null : result.failure;
}

/** "a, b\nc" → ["a", "b", "c"]; empty: none (all tools allowed). */
export function toolList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
