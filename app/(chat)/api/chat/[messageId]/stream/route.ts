import { requireUserId } from "@/lib/auth";
import { replyEventStream } from "@/lib/chat/sse-response";
import { findOwnedMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Resumes a reply that is still generating: events after `?after=<seq>`, then live. 204 when it is not generating. */
export const GET = route(async (request, { params }: { params: Promise<{ messageId: string }> }) => {
  const userId = await requireUserId();
  const { messageId } = await params;
  const after = Number(new URL(request.url).searchParams.get("after") ?? "-1");
  if (!Number.isInteger(after) || after < -1)
    throw new AppError("bad_request:input", "after must be an integer ≥ -1.");
  if (!(await findOwnedMessage(messageId, userId)))
    throw new AppError("not_found:message", "Message not found.");
  return (await replyEventStream(messageId, after)) ?? new Response(null, { status: 204 });
});
