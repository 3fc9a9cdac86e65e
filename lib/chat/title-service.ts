// A conversation's model-written title, after its first reply: the call is billed to the user, so
// its usage goes to the ledger as kind "title" (cost null when the model's price is unknown).
import "server-only";
import type Anthropic from "@anthropic-ai/sdk";
import { replaceInitialTitle } from "@/lib/db/conversations";
import { recordUsage } from "@/lib/db/usage";
import { logger } from "@/lib/log";
import { billedModel } from "@/lib/model/providers";
import { costUsd } from "@/lib/pricing/cost";
import type { NewConversation } from "./service";
import { suggestTitle } from "./title";

export interface TitleTarget {
  userId: string;
  conversationId: string;
}

/** Asks `model` for a better title and records the call; a failure is logged, never thrown. */
export async function retitleConversation(
  client: Anthropic,
  model: string,
  target: TitleTarget,
  first: NewConversation,
  replyText: string,
): Promise<void> {
  const { conversationId } = target;
  try {
    const suggestion = await suggestTitle(client, model, first.userText, replyText);
    const billed = billedModel(model, suggestion.model);
    await recordUsage({
      ...target,
      messageId: null,
      kind: "title",
      model: billed,
      requestId: suggestion.requestId,
      usage: suggestion.usage,
      costUsd: costUsd(billed, suggestion.usage),
    }).catch((error: unknown) => logger.error({ err: error, conversationId }, "title usage not recorded"));
    if (suggestion.title) await replaceInitialTitle(conversationId, first.title, suggestion.title);
  } catch (error) {
    logger.warn({ err: error, conversationId }, "title generation failed");
  }
}
