import { requireUserId } from "@/lib/auth";
import { deleteConversation, renameConversation } from "@/lib/db/conversations";
import { deleteRemoteFiles } from "@/lib/files/remote";
import { parseJson, route } from "@/lib/http";
import { generationBus } from "@/lib/scale/generation-bus";
import { renameSchema } from "../schema";
import { type ConversationContext, conversationIdOf, conversationNotFound } from "./context";

/** Renames a conversation: `{ title }` (trimmed, 1–200 characters). */
export const PATCH = route(async (request, context: ConversationContext) => {
  const userId = await requireUserId();
  const { title } = await parseJson(request, renameSchema);
  const id = await conversationIdOf(context);
  const conversation = id ? await renameConversation(userId, id, title) : null;
  if (!conversation) throw conversationNotFound();
  return Response.json({ conversation });
});

/** Deletes a conversation with its messages, stopping a reply still being generated in it. */
export const DELETE = route(async (_request, context: ConversationContext) => {
  const userId = await requireUserId();
  const id = await conversationIdOf(context);
  const deleted = id ? await deleteConversation(userId, id) : null;
  if (!deleted) throw conversationNotFound();
  deleteRemoteFiles(deleted.remoteFileIds);
  // Their rows are gone: stop them wherever they run, without looking them up.
  await Promise.all(deleted.streamingReplyIds.map((replyId) => generationBus().stop(replyId, true)));
  return new Response(null, { status: 204 });
});
