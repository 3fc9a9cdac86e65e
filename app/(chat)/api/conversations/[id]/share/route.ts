import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { shareConversation } from "@/lib/db/shares";
import { parseJson, route } from "@/lib/http";
import { toShareView } from "@/lib/share/view";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

const shareSchema = z.object({
  includeImages: z.boolean().optional(),
  refresh: z.boolean().optional(),
});

/**
 * `POST /api/conversations/<id>/share` `{ includeImages?, refresh? }`: the conversation's share link,
 * made from the branch on screen if there is none yet; `refresh` copies the branch on screen again.
 */
export const POST = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  const options = await parseJson(request, shareSchema);
  const id = await conversationIdOf(context);
  const share = id ? await shareConversation(userId, id, options) : null;
  if (!share) throw conversationNotFound();
  return Response.json(toShareView(share));
});
