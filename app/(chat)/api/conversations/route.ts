import { requireUserId } from "@/lib/auth";
import { listConversations } from "@/lib/db/conversations";
import { parseQuery, route } from "@/lib/http";
import { listQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** One page of the signed-in user's conversations, newest first: `{ conversations, nextCursor }`. */
export const GET = route(async (request) => {
  const userId = await requireUserId();
  const { cursor, limit } = parseQuery(request, listQuerySchema);
  return Response.json(await listConversations(userId, { after: cursor ?? null, limit }));
});
