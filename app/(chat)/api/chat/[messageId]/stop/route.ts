import { requireUserId } from "@/lib/auth";
import { findOwnedMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { generationBus } from "@/lib/scale/generation-bus";

/** Stops a reply wherever it runs: aborts the upstream request; the partial reply is saved as "stopped". */
export const POST = route(async (_request, { params }: { params: Promise<{ messageId: string }> }) => {
  const { messageId } = await params;
  const userId = await requireUserId();
  if (!(await findOwnedMessage(messageId, userId)))
    throw new AppError("not_found:message", "Message not found.");
  return Response.json({ stopped: await generationBus().stop(messageId) });
});
