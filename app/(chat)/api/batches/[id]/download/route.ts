import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { resultStream } from "@/lib/batches/download";
import { eachBatchItem, findBatch } from "@/lib/db/batches";
import { attachmentDisposition } from "@/lib/export/filename";
import { parseQuery, route } from "@/lib/http";
import { type BatchContext, batchIdOf, batchNotFound } from "../../context";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["csv", "jsonl"]).default("csv") });

/** `GET /api/batches/<id>/download?format=csv|jsonl`: the results, streamed from the database. */
export const GET = route(async (request, context: BatchContext) => {
  const userId = await requireUserId();
  const id = await batchIdOf(context);
  const { format } = parseQuery(request, querySchema);
  const batch = await findBatch(userId, id);
  if (!batch) throw batchNotFound();
  const columns = JSON.parse(batch.columns) as string[];
  return new Response(resultStream(format, columns, eachBatchItem(userId, id)), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": attachmentDisposition(`batch-${batch.name}`, format),
      "cache-control": "no-store",
    },
  });
});
