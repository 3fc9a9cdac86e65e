import { requireUserId } from "@/lib/auth";
import { listConversations } from "@/lib/db/conversations";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { listQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** One page of the signed-in user's conversations, newest first: `{ conversations, nextCursor }`. */
export const GET = route(async (request) => {
  const query = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issues = query.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    throw new AppError(
      "bad_request:input",
      issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
      issues,
    );
  }
  const userId = await requireUserId();
  const { cursor, limit } = query.data;
  return Response.json(await listConversations(userId, { after: cursor ?? null, limit }));
});
