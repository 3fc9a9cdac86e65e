import { requireUserId } from "@/lib/auth";
import { revokeShare } from "@/lib/db/shares";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** `DELETE /api/shares/<id>`: revokes the link (it answers 404 from now on); another user's share is "not found". */
export const DELETE = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  const id = idSchema.safeParse((await params).id);
  if (!id.success || !(await revokeShare(userId, id.data))) {
    throw new AppError("not_found:share", "Share link not found.");
  }
  return new Response(null, { status: 204 });
});
