import { requireUserId } from "@/lib/auth";
import { findBatch, markCanceling } from "@/lib/db/batches";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { anthropic } from "@/lib/model/client";
import { type BatchContext, batchIdOf, batchNotFound } from "../../context";

export const dynamic = "force-dynamic";

/** `POST /api/batches/<id>/cancel`: asks the API to cancel; the poller stores what finished before. */
export const POST = route(async (_request, context: BatchContext) => {
  const userId = await requireUserId();
  const id = await batchIdOf(context);
  const remoteIds = await markCanceling(userId, id);
  if (remoteIds === null) {
    if (!(await findBatch(userId, id))) throw batchNotFound();
    throw new AppError("conflict:batch", "This batch is not running.");
  }
  const client = await anthropic();
  const results = await Promise.allSettled(
    remoteIds.map((remoteId) => client.messages.batches.cancel(remoteId)),
  );
  if (results.some((r) => r.status === "rejected"))
    throw new AppError("upstream:batch", "The API did not accept the cancel; try again.");
  return new Response(null, { status: 202 });
});
