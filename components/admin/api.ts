// The admin console's requests. A refusal comes back as its error code and the catalogue key of
// what was wrong ("admin.errors.<key>"), translated where it is shown.
import { type ApiFailure, request } from "@/lib/api-client/request";

export type AdminFailure = Pick<ApiFailure, "code" | "params" | "requestId"> & { key: string };

export type AdminResult<T = unknown> = { ok: true; data: T } | ({ ok: false } & AdminFailure);

export async function adminRequest<T = unknown>(
  path: string,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  body?: object,
): Promise<AdminResult<T>> {
  const result = await request<T>(path, { method, body });
  if (result.ok) return result;
  const { code, params, requestId, issues } = result.failure;
  // The admin routes' field issues are keys of the admin catalogue.
  return { ok: false, code, params, requestId, key: issues[0]?.message ?? code };
}

export const changeUser = (id: string, body: object) =>
  adminRequest(`/api/admin/users/${encodeURIComponent(id)}`, "PATCH", body);
export const changeSettings = (body: object) => adminRequest("/api/admin/settings", "PATCH", body);
export const createInvite = (body: object) =>
  adminRequest<{ path: string; expiresAt: string; maxUses: number }>("/api/admin/invites", "POST", body);
export const checkCredentials = (body: object) => adminRequest("/api/admin/credentials/check", "POST", body);
export const saveCredentials = (body: object) => adminRequest("/api/admin/credentials", "PUT", body);
export const removeStoredCredentials = () => adminRequest("/api/admin/credentials", "DELETE");
