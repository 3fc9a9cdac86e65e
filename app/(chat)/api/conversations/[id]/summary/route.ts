import { requireUserId } from "@/lib/auth";
import { summarizeConversation } from "@/lib/chat/summary-service";
import { route } from "@/lib/http";
import { enforceRateLimit } from "@/lib/limits/policies";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

/**
 * `POST /api/conversations/<id>/summary`: a summary of the conversation's active branch, written by
 * a small model, for the user to check before starting a new chat with it. Nothing is saved but its usage.
 */
export const POST = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  await enforceRateLimit(userId, "chat");
  const id = await conversationIdOf(context);
  const summary = id ? await summarizeConversation(userId, id, request.signal) : null;
  if (summary === null) throw conversationNotFound();
  return Response.json({ summary });
});
