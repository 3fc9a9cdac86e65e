import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { toMessagePage } from "@/lib/chat/view-model";
import { activePathPage, selectBranch } from "@/lib/db/messages";
import { parseJson, route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

const branchSchema = z.object({ messageId: idSchema });

/**
 * `PUT /api/conversations/<id>/branch` `{ messageId }`: shows the branch through that message (an
 * edit or a regenerated reply) from now on, and answers with the newest page of it.
 */
export const PUT = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  const { messageId } = await parseJson(request, branchSchema);
  const id = await conversationIdOf(context);
  const page = id && (await selectBranch(id, userId, messageId)) ? await activePathPage(id, userId) : null;
  if (!page) throw conversationNotFound();
  return Response.json(toMessagePage(page));
});
