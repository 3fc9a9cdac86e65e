import { requireUserId } from "@/lib/auth";
import { usageRowsPage } from "@/lib/db/usage";
import { AppError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/filename";
import { parseQuery, route } from "@/lib/http";
import { decimalUsd } from "@/lib/pricing/cost";
import { csvLine } from "@/lib/usage/csv";
import { resolvePeriod } from "@/lib/usage/period";
import { exportQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

const HEADER = [
  "time_utc",
  "conversation_id",
  "conversation_title",
  "kind",
  "step",
  "model",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "thinking_tokens",
  "web_search_requests",
  "web_fetch_requests",
  "cost_usd",
];

const PERIOD_ERRORS = {
  invalid: "from and to must be real dates.",
  reversed: "from must not be after to.",
  tooLong: "The period may cover at most 366 days.",
} as const;

/** `GET /api/usage/export?from&to&tz`: the signed-in user's ledger rows of the period as CSV, streamed page by page. */
export const GET = route(async (request) => {
  const userId = await requireUserId();
  const query = parseQuery(request, exportQuerySchema);
  const resolved = resolvePeriod({ range: "custom", ...query });
  if (!resolved.ok) throw new AppError("bad_request:input", PERIOD_ERRORS[resolved.error]);
  const { period } = resolved;
  const encoder = new TextEncoder();
  let afterId: string | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(HEADER)));
        return;
      }
      const rows = await usageRowsPage(userId, period, afterId);
      if (rows.length === 0) return controller.close();
      afterId = rows.at(-1)?.id;
      const text = rows
        .map((row) =>
          csvLine([
            row.createdAt.toISOString(),
            row.conversationId,
            row.conversationTitle,
            row.kind,
            row.step,
            row.model,
            row.inputTokens,
            row.outputTokens,
            row.cacheReadTokens,
            row.cacheWriteTokens,
            row.thinkingTokens,
            row.webSearchRequests,
            row.webFetchRequests,
            row.costUsd === null ? null : decimalUsd(row.costUsd),
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachmentDisposition(`usage-${period.firstDay}-${period.lastDay}`, "csv"),
      "cache-control": "no-store",
    },
  });
});
