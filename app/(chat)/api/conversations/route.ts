import { requireUserId } from "@/lib/auth";
import { listConversations } from "@/lib/db/conversations";
import { parseQuery, route } from "@/lib/http";
import { listQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** One page of the signed-in user's conversations, newest first: `{ conversations, nextCursor }`. */
export const GET = route(async (request) => {
  const { cursor, limit } = parseQuery(request, listQuerySchema);
  const userId = await requireUserId();
  return Response.json(await listConversations(userId, { after: cursor ?? null, limit }));
});
