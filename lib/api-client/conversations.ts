// The conversation list's routes: pages of the list, rename, delete.
import { type ApiResult, at, request } from "./request";

export interface ConversationListPage {
  conversations: { id: string; title: string; updatedAt: string }[];
  nextCursor: string | null;
}

export function listConversations(
  limit: number,
  cursor: string | null,
): Promise<ApiResult<ConversationListPage>> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  return request(`/api/conversations?${query}`);
}

export function renameConversation(id: string, title: string): Promise<ApiResult<unknown>> {
  return request(at("/api/conversations", id), { method: "PATCH", body: { title } });
}

export function deleteConversation(id: string): Promise<ApiResult<unknown>> {
  return request(at("/api/conversations", id), { method: "DELETE" });
}
