// A batch's results as a file, streamed a chunk of items at a time: CSV (the input's columns, then
// reply, status, tokens, cost) or JSONL (one object per item).
import type { BatchItemRow } from "@/lib/db/batches";
import { decimalUsd } from "@/lib/pricing/cost";
import { csvLine } from "@/lib/usage/csv";

export const RESULT_COLUMNS = [
  "reply",
  "status",
  "error",
  "input_tokens",
  "output_tokens",
  "cost_usd",
] as const;

export function csvHeader(columns: string[]): string {
  return csvLine([...columns, ...RESULT_COLUMNS]);
}

function resultCells(item: BatchItemRow) {
  return [
    item.reply,
    item.status,
    item.errorMessage ?? item.errorType,
    item.inputTokens,
    item.outputTokens,
    item.costUsd === null ? null : decimalUsd(item.costUsd),
  ];
}

export function csvRow(columns: string[], item: BatchItemRow): string {
  const input = JSON.parse(item.input) as Record<string, string>;
  return csvLine([...columns.map((name) => input[name] ?? ""), ...resultCells(item)]);
}

export function jsonlRow(item: BatchItemRow): string {
  const [reply, status, error, input_tokens, output_tokens, cost_usd] = resultCells(item);
  const line = {
    input: JSON.parse(item.input) as Record<string, string>,
    prompt: item.prompt,
    reply,
    status,
    error,
    input_tokens,
    output_tokens,
    cost_usd: item.costUsd === null ? null : Number(cost_usd),
  };
  return `${JSON.stringify(line)}\n`;
}

/** A byte stream of the file: the header (CSV) then the rows, pulled from `rows` as the client reads. */
export function resultStream(
  format: "csv" | "jsonl",
  columns: string[],
  rows: AsyncGenerator<BatchItemRow>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = format === "jsonl";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(columns)));
        return;
      }
      const batch: string[] = [];
      for (let i = 0; i < 200; i++) {
        const next = await rows.next();
        if (next.done) break;
        batch.push(format === "csv" ? csvRow(columns, next.value) : jsonlRow(next.value));
      }
      if (batch.length === 0) return controller.close();
      controller.enqueue(encoder.encode(batch.join("")));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
