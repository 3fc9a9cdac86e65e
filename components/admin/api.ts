// The admin console's requests. A refusal comes back as its error code and the catalogue key of
// what was wrong ("admin.errors.<key>"), translated where it is shown.
import { isErrorBody } from "@/lib/errors";

export type AdminResult<T = unknown> = { ok: true; data: T } | { ok: false; code: string; key: string };

export async function adminRequest<T = unknown>(
  path: string,
  method: string,
  body: object,
): Promise<AdminResult<T>> {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (response?.ok) return { ok: true, data: (await response.json()) as T };
  const error = await response?.json().catch(() => null);
  if (!isErrorBody(error)) return { ok: false, code: "failed", key: "failed" };
  const issue = error.error.issues?.[0]?.message;
  return { ok: false, code: error.error.code, key: issue ?? error.error.code };
}

export const changeUser = (id: string, body: object) =>
  adminRequest(`/api/admin/users/${encodeURIComponent(id)}`, "PATCH", body);
export const changeSettings = (body: object) => adminRequest("/api/admin/settings", "PATCH", body);
export const createInvite = (body: object) =>
  adminRequest<{ path: string; expiresAt: string; maxUses: number }>("/api/admin/invites", "POST", body);
