import { requireUserId } from "@/lib/auth";
import { listShares } from "@/lib/db/shares";
import { route } from "@/lib/http";
import { toShareView } from "@/lib/share/view";

export const dynamic = "force-dynamic";

/** `GET /api/shares`: the signed-in user's share links, newest first. */
export const GET = route(async () => {
  const userId = await requireUserId();
  const shares = await listShares(userId);
  return Response.json({ shares: shares.map(toShareView) });
});
