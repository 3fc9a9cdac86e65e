// The `[id]` segment shared by every per-batch route.
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/id-schema";

export interface BatchContext {
  params: Promise<{ id: string }>;
}

/** Another user's batch is "not found" too: never reveal that it exists. */
export const batchNotFound = () => new AppError("not_found:batch", "Batch not found.");

/** The batch id from the URL; throws not found when it cannot be an id. */
export async function batchIdOf({ params }: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) throw batchNotFound();
  return id;
}
