// The user's settings route (each field optional: only what is sent changes).
import { type ApiResult, request } from "./request";

export interface SettingsChange {
  promptCaching?: boolean;
  searchConversations?: boolean;
}

export function saveSettings(change: SettingsChange): Promise<ApiResult<unknown>> {
  return request("/api/settings", { method: "PATCH", body: change });
}
