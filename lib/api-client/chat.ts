// The chat routes: sending (a reply stream), following and stopping replies, branches and pages.
import type { ChatMessage, MessagePage } from "@/lib/chat/view-model";
import { type ApiResult, at, type RawResult, request, requestRaw } from "./request";

/** Sends, retries or edits a turn (the body is the chat route's request); the answer is the reply stream. */
export function postChat(body: object): Promise<RawResult> {
  return requestRaw("/api/chat", { method: "POST", body });
}

/** The reply's events after `after`; a 204 (it has finished) is `ok` too, with no stream. */
export function replyStream(messageId: string, after: number): Promise<RawResult> {
  return requestRaw(`${at("/api/chat", messageId)}/stream?after=${after}`);
}

export function stopReply(messageId: string): Promise<ApiResult<unknown>> {
  return request(`${at("/api/chat", messageId)}/stop`, { method: "POST" });
}

export function savedMessage(messageId: string): Promise<ApiResult<{ message?: ChatMessage }>> {
  return request(at("/api/chat", messageId));
}

/** Shows another version of a message: the branch's newest page. */
export function switchBranch(conversationId: string, messageId: string): Promise<ApiResult<MessagePage>> {
  return request(`${at("/api/conversations", conversationId)}/branch`, {
    method: "PUT",
    body: { messageId },
  });
}

export function olderMessages(conversationId: string, before: string): Promise<ApiResult<MessagePage>> {
  return request(`${at("/api/conversations", conversationId)}/messages?before=${encodeURIComponent(before)}`);
}

type SystemPromptChange = { presetId: string | null } | { systemPrompt: string | null };

export function systemPrompt(conversationId: string): Promise<ApiResult<{ systemPrompt: string | null }>> {
  return request(at("/api/system-prompt", conversationId));
}

export function saveSystemPrompt(
  conversationId: string,
  change: SystemPromptChange,
): Promise<ApiResult<{ systemPrompt: string | null }>> {
  return request(at("/api/system-prompt", conversationId), { method: "PATCH", body: change });
}

/** A summary of the conversation to start a new chat with (when a draft is too long for the model). */
export function summarize(
  conversationId: string,
  signal: AbortSignal,
): Promise<ApiResult<{ summary: string }>> {
  return request(`${at("/api/conversations", conversationId)}/summary`, { method: "POST", signal });
}

export interface TokenCount {
  inputTokens: number;
  exact: boolean;
  contextLimit: number | null;
}

/** Counts the input tokens of the request the composer would send (`body`: the route's JSON). */
export function countTokens(body: string, signal: AbortSignal): Promise<ApiResult<TokenCount>> {
  return request("/api/chat/count", { method: "POST", jsonText: body, signal });
}
