// The share dialog's and list's calls; a refusal comes back as the server's stable code.
import * as api from "@/lib/api-client/share";
import type { ShareView } from "@/lib/share/view";

export type ShareResult<T> = { ok: true; value: T } | { ok: false; code: string };

export async function shareConversation(
  conversationId: string,
  options: { includeImages?: boolean; refresh?: boolean } = {},
): Promise<ShareResult<ShareView>> {
  const result = await api.shareConversation(conversationId, options);
  return result.ok ? { ok: true, value: result.data } : { ok: false, code: result.failure.code };
}

/** Revokes a share link; an already revoked one counts as revoked. */
export async function revokeShare(id: string): Promise<ShareResult<null>> {
  const result = await api.revokeShare(id);
  if (result.ok || result.failure.status === 404) return { ok: true, value: null };
  return { ok: false, code: result.failure.code };
}

/** The link as the reader opens it. */
export function absoluteLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}
