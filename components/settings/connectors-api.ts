// The browser's calls to /api/connectors, with the server's error body read into one shape.
import type { ConnectorView } from "@/lib/connectors/schema";
import { isErrorBody } from "@/lib/errors";

export interface ApiFailure {
  /** The server's stable code; "connection_error" when it could not be reached. */
  code: string;
  message: string;
  issues: { path: string; message: string }[];
}

export interface ConnectorInput {
  name: string;
  url: string;
  token?: string;
  allowedTools?: string[];
}

async function failureOf(response: Response | null): Promise<ApiFailure> {
  if (!response) return { code: "connection_error", message: "", issues: [] };
  const body = await response.json().catch(() => null);
  if (!isErrorBody(body)) return { code: `http_${response.status}`, message: "", issues: [] };
  return { code: body.error.code, message: body.error.message, issues: body.error.issues ?? [] };
}

export async function createConnector(
  input: ConnectorInput,
): Promise<{ connector: ConnectorView } | { failure: ApiFailure }> {
  const response = await fetch("/api/connectors", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  }).catch(() => null);
  if (response?.status === 201) {
    const body = (await response.json().catch(() => null)) as { connector?: ConnectorView } | null;
    if (body?.connector) return { connector: body.connector };
  }
  return { failure: await failureOf(response) };
}

/** Null when deleted (or already gone). */
export async function deleteConnector(id: string): Promise<ApiFailure | null> {
  const response = await fetch(`/api/connectors/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(
    () => null,
  );
  if (response?.ok || response?.status === 404) return null;
  return failureOf(response);
}

/** "a, b\nc" → ["a", "b", "c"]; empty: none (all tools allowed). */
export function toolList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
