import { requireUserId } from "@/lib/auth";
import { toChatMessage } from "@/lib/chat/view-model";
import { findOwnedMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

/** One message as saved (e.g. a reply that finished while the browser was not following it). */
export const GET = route(async (_request, { params }: { params: Promise<{ messageId: string }> }) => {
  const { messageId } = await params;
  const userId = await requireUserId();
  const message = await findOwnedMessage(messageId, userId);
  if (!message) throw new AppError("not_found:message", "Message not found.");
  return Response.json({ message: toChatMessage(message) });
});
