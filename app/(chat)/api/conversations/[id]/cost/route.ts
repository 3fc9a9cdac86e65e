import { requireUserId } from "@/lib/auth";
import { findConversation } from "@/lib/db/conversations";
import { conversationReplyUsage } from "@/lib/db/messages";
import { route } from "@/lib/http";
import { summarizeCosts } from "@/lib/pricing/cost";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

/** `GET /api/conversations/<id>/cost`: `{ cost }`, the total of every reply on every branch (null: none priced). */
export const GET = route(async (_request, context: ConversationContext) => {
  const userId = await requireUserId();
  const id = await conversationIdOf(context);
  const conversation = id ? await findConversation(userId, id) : null;
  if (!id || !conversation) throw conversationNotFound();
  return Response.json({ cost: summarizeCosts(await conversationReplyUsage(id, userId)) });
});
