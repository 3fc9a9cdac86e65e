import { requireUserId } from "@/lib/auth";
import { generationBus } from "@/lib/chat/bus";
import { findOwnedMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

/** Stops a reply: aborts the upstream request; the partial reply is saved as "stopped". */
export const POST = route(async (_request, { params }: { params: Promise<{ messageId: string }> }) => {
  const { messageId } = await params;
  const userId = await requireUserId();
  if (!(await findOwnedMessage(messageId, userId)))
    throw new AppError("not_found:message", "Message not found.");
  return Response.json({ stopped: generationBus.stop(messageId) });
});
