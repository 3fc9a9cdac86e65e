import { requireUserId } from "@/lib/auth";
import { listConversations } from "@/lib/db/conversations";
import { route } from "@/lib/http";

export const GET = route(async () => {
  const userId = await requireUserId();
  return Response.json({ conversations: await listConversations(userId) });
});
