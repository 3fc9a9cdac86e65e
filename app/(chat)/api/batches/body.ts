import { batchInputSchema } from "@/lib/batches/schema";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/http";

/** Room for the largest input (characters can take 3 bytes) plus the form's other fields. */
const MAX_BATCH_BODY_BYTES = 64 * 1024 * 1024;

/** The new batch form's body (preview and submission alike), validated. */
export function readBatchInput(request: Request) {
  return parseJson(request, batchInputSchema, {
    limit: MAX_BATCH_BODY_BYTES,
    tooLarge: () => new AppError("payload_too_large:input", "The items are too large for one batch."),
  });
}
