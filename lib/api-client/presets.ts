// System prompt presets.
import type { PresetData, PresetInput, PresetUpdate } from "@/lib/presets/schema";
import { type ApiResult, at, request } from "./request";

export function listPresets(): Promise<ApiResult<{ presets: PresetData[] }>> {
  return request("/api/presets");
}

export function createPreset(input: PresetInput): Promise<ApiResult<unknown>> {
  return request("/api/presets", { method: "POST", body: input });
}

export function updatePreset(id: string, input: PresetUpdate): Promise<ApiResult<unknown>> {
  return request(at("/api/presets", id), { method: "PATCH", body: input });
}

export function deletePreset(id: string): Promise<ApiResult<unknown>> {
  return request(at("/api/presets", id), { method: "DELETE" });
}
