// Searching and importing the user's conversations, the budget and a conversation's cost.
import type { CostSummary } from "@/lib/pricing/cost";
import { type ApiResult, at, request } from "./request";

export interface SearchHit {
  conversationId: string;
  title: string;
  messageId: string | null;
  snippet: string;
}

export function search(query: string, signal: AbortSignal): Promise<ApiResult<{ results: SearchHit[] }>> {
  return request(`/api/search?q=${encodeURIComponent(query)}`, { signal });
}

/** Imports a conversation export (the file's text, checked by the server); the new conversation's id. */
export function importConversation(fileText: string): Promise<ApiResult<{ id: string }>> {
  return request("/api/import", { method: "POST", jsonText: fileText });
}

export interface BudgetState {
  budgetUsd: number | null;
  spentUsd: number;
  resetsAt: string;
}

export function budget(): Promise<ApiResult<BudgetState>> {
  return request("/api/budget");
}

export function conversationCost(conversationId: string): Promise<ApiResult<{ cost: CostSummary | null }>> {
  return request(`${at("/api/conversations", conversationId)}/cost`);
}
