import { batchInputSchema } from "@/lib/batches/schema";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http";

/** Room for the largest input (characters can take 3 bytes) plus the form's other fields. */
const MAX_BATCH_BODY_BYTES = 64 * 1024 * 1024;

export async function readBatchInput(request: Request) {
  const body = await readJson(request, {
    limit: MAX_BATCH_BODY_BYTES,
    tooLarge: () => new AppError("payload_too_large:input", "The items are too large for one batch."),
  });
  const parsed = batchInputSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    throw new AppError("bad_request:input", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }
  return parsed.data;
}
