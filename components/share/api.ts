// The browser's calls to the share routes; a refusal comes back as the server's stable code.
import { isErrorBody } from "@/lib/errors";
import type { ShareView } from "@/lib/share/view";

export type ShareResult<T> = { ok: true; value: T } | { ok: false; code: string };

async function codeOf(response: Response | null): Promise<string> {
  if (!response) return "connection_error";
  const body = await response.json().catch(() => null);
  return isErrorBody(body) ? body.error.code : `http_${response.status}`;
}

/** The conversation's share link, made from the branch on screen when there is none; see the route for the options. */
export async function shareConversation(
  conversationId: string,
  options: { includeImages?: boolean; refresh?: boolean } = {},
): Promise<ShareResult<ShareView>> {
  const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/share`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(options),
  }).catch(() => null);
  if (!response?.ok) return { ok: false, code: await codeOf(response) };
  return { ok: true, value: (await response.json()) as ShareView };
}

/** Revokes a share link; an already revoked one counts as revoked. */
export async function revokeShare(id: string): Promise<ShareResult<null>> {
  const response = await fetch(`/api/shares/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(
    () => null,
  );
  if (response?.ok || response?.status === 404) return { ok: true, value: null };
  return { ok: false, code: await codeOf(response) };
}

/** The link as the reader opens it. */
export function absoluteLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}
