import { requireUserId } from "@/lib/auth";
import { prepareBatch } from "@/lib/batches/service";
import { route } from "@/lib/http";
import { readBatchInput } from "../body";

export const dynamic = "force-dynamic";

const SAMPLES = 3;

/** `POST /api/batches/preview`: what a submission would send: item count, columns, estimate, first requests. */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  const input = await readBatchInput(request);
  const prepared = await prepareBatch(userId, input);
  return Response.json({
    itemCount: prepared.parsed.rows.length,
    columns: prepared.parsed.columns,
    textColumn: prepared.textColumn,
    estimateUsd: prepared.estimateUsd,
    systemPrompt: prepared.systemPrompt,
    samples: prepared.prompts.slice(0, SAMPLES),
  });
});
