// The user's MCP connectors.
import type { ConnectorView } from "@/lib/connectors/schema";
import { type ApiResult, at, request } from "./request";

export interface ConnectorInput {
  name: string;
  url: string;
  token?: string;
  allowedTools?: string[];
}

export function createConnector(input: ConnectorInput): Promise<ApiResult<{ connector: ConnectorView }>> {
  return request("/api/connectors", { method: "POST", body: input });
}

export function deleteConnector(id: string): Promise<ApiResult<unknown>> {
  return request(at("/api/connectors", id), { method: "DELETE" });
}
