import { requireUserId } from "@/lib/auth";
import { countTokens } from "@/lib/chat/count";
import { stepRequest } from "@/lib/chat/request";
import { prepareReply } from "@/lib/chat/service";
import { parseJson, route } from "@/lib/http";
import { enforceRateLimit } from "@/lib/limits/policies";
import { anthropic } from "@/lib/model/client";
import { sendSchema } from "../schema";

export const dynamic = "force-dynamic";

/**
 * `POST /api/chat/count`: the input tokens of the message the composer would send (the same body
 * as a send), with the model's input limit. Nothing is saved.
 */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  const body = await parseJson(request, sendSchema);
  await enforceRateLimit(userId, "count");
  const { command, model } = await prepareReply(userId, body, { counting: true });
  const count = await countTokens(await anthropic(), stepRequest(command.spec), request.signal);
  return Response.json({ ...count, contextLimit: model?.contextWindow ?? null });
});
