import { requireUserId } from "@/lib/auth";
import { submitBatch } from "@/lib/batches/service";
import { toBatchView } from "@/lib/batches/view";
import { listBatches } from "@/lib/db/batches";
import { route } from "@/lib/http";
import { readBatchInput } from "./body";

export const dynamic = "force-dynamic";

/** `GET /api/batches`: the signed-in user's batches, newest first, with their progress. */
export const GET = route(async () => {
  const userId = await requireUserId();
  return Response.json({ batches: (await listBatches(userId)).map(toBatchView) });
});

/** `POST /api/batches`: submits a new batch (402 `budget_exceeded` when its estimate does not fit). */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  const input = await readBatchInput(request);
  const id = await submitBatch(userId, input);
  return Response.json({ id }, { status: 201 });
});
