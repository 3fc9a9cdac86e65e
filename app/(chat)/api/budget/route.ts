import { requireUserId } from "@/lib/auth";
import { budgetStatus } from "@/lib/db/budget";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/budget`: the signed-in user's monthly budget, month-to-date spend and reset date. */
export const GET = route(async () => {
  const userId = await requireUserId();
  return Response.json(await budgetStatus(userId));
});
