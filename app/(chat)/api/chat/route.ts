import { requireUserId } from "@/lib/auth";
import { releaseHolds, reserveFirstCall } from "@/lib/chat/budget";
import { startGeneration } from "@/lib/chat/generate";
import { prepareReply } from "@/lib/chat/service";
import { replyEventStream } from "@/lib/chat/sse-response";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";
import { enforceRateLimit } from "@/lib/limits/policies";
import { reserveReplySlot } from "@/lib/limits/replies";
import { type ChatRequest, chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

/** Checks the request and starts the reply; resolves with its id once the user turn is saved. */
async function startReply(userId: string, body: ChatRequest): Promise<string> {
  const { command, newConversation, save } = await prepareReply(userId, body);
  await reserveFirstCall(command);
  // The upstream request goes out while the turn is saved; a turn that cannot be saved is not answered.
  const saved = save();
  saved.catch(() => releaseHolds(command.assistantMessageId));
  startGeneration(command, saved, newConversation);
  await saved;
  return command.assistantMessageId;
}

/** Sends a message (or retries a reply) and streams the reply as app-protocol SSE. */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  const body = await parseJson(request, chatRequestSchema);
  await enforceRateLimit(userId, "chat");
  const release = await reserveReplySlot(userId);
  // Once saved, the reply's streaming row counts towards the cap instead of the reservation.
  const replyId = await startReply(userId, body).finally(release);
  const stream = await replyEventStream(replyId, -1);
  if (!stream) throw new AppError("internal:server", "The reply could not be started.");
  return stream;
});
