// Share links of conversations.
import type { ShareView } from "@/lib/share/view";
import { type ApiResult, at, request } from "./request";

/** The conversation's share link, made from the branch on screen when there is none; see the route for the options. */
export function shareConversation(
  conversationId: string,
  options: { includeImages?: boolean; refresh?: boolean } = {},
): Promise<ApiResult<ShareView>> {
  return request(`${at("/api/conversations", conversationId)}/share`, { method: "POST", body: options });
}

export function revokeShare(id: string): Promise<ApiResult<unknown>> {
  return request(at("/api/shares", id), { method: "DELETE" });
}
