import { requireUserId } from "@/lib/auth";
import { generationBus } from "@/lib/chat/bus";
import { deleteConversation, renameConversation } from "@/lib/db/conversations";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";
import { conversationIdSchema, renameSchema } from "../schema";

interface Context {
  params: Promise<{ id: string }>;
}

// Another user's conversation is "not found" too: never reveal that it exists.
const notFound = () => new AppError("not_found:conversation", "Conversation not found.");

async function conversationId({ params }: Context) {
  const { id } = await params;
  return conversationIdSchema.safeParse(id).success ? id : null;
}

/** Renames a conversation: `{ title }` (trimmed, 1–200 characters). */
export const PATCH = route(async (request, context: Context) => {
  const { title } = await parseJson(request, renameSchema);
  const userId = await requireUserId();
  const id = await conversationId(context);
  const conversation = id ? await renameConversation(userId, id, title) : null;
  if (!conversation) throw notFound();
  return Response.json({ conversation });
});

/** Deletes a conversation with its messages, stopping a reply still being generated in it. */
export const DELETE = route(async (_request, context: Context) => {
  const userId = await requireUserId();
  const id = await conversationId(context);
  const deleted = id ? await deleteConversation(userId, id) : null;
  if (!deleted) throw notFound();
  for (const replyId of deleted.streamingReplyIds) generationBus.stop(replyId);
  return new Response(null, { status: 204 });
});
