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
  const body = await parseJson(request, chatRequestSchema);
  const userId = await requireUserId();
  const { generation, save } = await prepareReply(userId, body);
  // The upstream request goes out while the turn is saved; a turn that cannot be saved is not answered.
  const saved = save();
  startGeneration(generation, saved);
  await saved.catch((error: unknown) => {
    // The database's own guard against two replies at once (see the one_reply_generating migration).
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("conflict:generation", "A reply is still being generated in this conversation.");
    console.error("a chat turn could not be saved", (error as Error)?.name);
    throw new AppError("internal:server", "Your message could not be saved, so it was not sent. Try again.");
  });
  const stream = replyEventStream(generation.assistantMessageId, -1);
  if (!stream) throw new AppError("internal:server", "The reply could not be started.");
  return stream;
});
