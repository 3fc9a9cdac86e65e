import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { toMessagePage } from "@/lib/chat/view-model";
import { activePathPage } from "@/lib/db/messages";
import { parseQuery, route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "../context";

export const dynamic = "force-dynamic";

const querySchema = z.object({ before: idSchema });

/** `GET /api/conversations/<id>/messages?before=<messageId>`: the page of the active branch above that message. */
export const GET = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  const { before } = parseQuery(request, querySchema);
  const id = await conversationIdOf(context);
  const page = id ? await activePathPage(id, userId, before) : null;
  if (!page) throw conversationNotFound();
  return Response.json(toMessagePage(page));
});
