import { requireUserId } from "@/lib/auth";
import { conversationFromItem, findBatchItem } from "@/lib/db/batches";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";
import { batchIdOf, batchNotFound } from "../../../../context";

export const dynamic = "force-dynamic";

interface ItemContext {
  params: Promise<{ id: string; itemId: string }>;
}

/** `POST /api/batches/<id>/items/<itemId>/chat`: a new conversation with the item's prompt and reply. */
export const POST = route(async (_request, context: ItemContext) => {
  const userId = await requireUserId();
  const id = await batchIdOf(context);
  const { itemId } = await context.params;
  if (!idSchema.safeParse(itemId).success) throw batchNotFound();
  const item = await findBatchItem(userId, id, itemId);
  if (!item) throw batchNotFound();
  if (item.status !== "succeeded" || item.reply === null)
    throw new AppError("conflict:batch", "Only an item with a reply can be opened as a chat.");
  const conversationId = await conversationFromItem(userId, {
    title: item.prompt.slice(0, 80).trim() || "Batch item",
    model: item.batch.model,
    systemPrompt: item.batch.systemPrompt,
    prompt: item.prompt,
    reply: item.reply,
  });
  return Response.json({ conversationId }, { status: 201 });
});
