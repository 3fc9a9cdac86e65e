import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { toBatchView, toItemView } from "@/lib/batches/view";
import { batchItems, deleteBatch, findBatch } from "@/lib/db/batches";
import { parseQuery, route } from "@/lib/http";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { type BatchContext, batchIdOf, batchNotFound } from "../context";

export const dynamic = "force-dynamic";

const ITEMS_PAGE_SIZE = 25;
const querySchema = z.object({ page: z.coerce.number().int().min(0).max(100_000).default(0) });

/** `GET /api/batches/<id>?page=N`: the batch, its columns and one page of its items. */
export const GET = route(async (request, context: BatchContext) => {
  const userId = await requireUserId();
  const id = await batchIdOf(context);
  const { page } = parseQuery(request, querySchema);
  const batch = await findBatch(userId, id);
  if (!batch) throw batchNotFound();
  const items = await batchItems(userId, id, page * ITEMS_PAGE_SIZE, ITEMS_PAGE_SIZE);
  return Response.json({
    batch: toBatchView(batch),
    columns: JSON.parse(batch.columns) as string[],
    page,
    pageSize: ITEMS_PAGE_SIZE,
    items: items.map(toItemView),
  });
});

/** `DELETE /api/batches/<id>`: deletes the batch and its results (an unfinished one is canceled upstream). */
export const DELETE = route(async (_request, context: BatchContext) => {
  const userId = await requireUserId();
  const id = await batchIdOf(context);
  const open = await deleteBatch(userId, id);
  if (!open) throw batchNotFound();
  const client = await anthropic();
  for (const remoteId of open)
    client.messages.batches
      .cancel(remoteId)
      .catch((error: unknown) => logger.warn({ err: error, remoteId }, "cancel of a deleted batch failed"));
  return new Response(null, { status: 204 });
});
