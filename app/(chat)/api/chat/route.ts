import { requireUserId } from "@/lib/auth";
import { startGeneration } from "@/lib/chat/generate";
import { prepareReply } from "@/lib/chat/service";
import { replyEventStream } from "@/lib/chat/sse-response";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

/** Sends a message (or retries a reply) and streams the reply as app-protocol SSE. */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  const body = await parseJson(request, chatRequestSchema);
  const { command, newConversation, save } = await prepareReply(userId, body);
  // The upstream request goes out while the turn is saved; a turn that cannot be saved is not answered.
  const saved = save();
  startGeneration(command, saved, newConversation);
  await saved;
  const stream = replyEventStream(command.assistantMessageId, -1);
  if (!stream) throw new AppError("internal:server", "The reply could not be started.");
  return stream;
});
