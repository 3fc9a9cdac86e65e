import { requireUserId } from "@/lib/auth";
import { deleteConnector } from "@/lib/db/connectors";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

interface Context {
  params: Promise<{ id: string }>;
}

export const DELETE = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  // Another user's connector answers exactly like a missing one.
  if (!(await deleteConnector(userId, (await params).id)))
    throw new AppError("not_found:connector", "This connector does not exist.");
  return new Response(null, { status: 204 });
});
