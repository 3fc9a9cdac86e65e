import { inviteSchema } from "@/lib/admin/schemas";
import { parseAdminJson } from "@/lib/admin/validate";
import { requireAdmin } from "@/lib/auth/admin";
import { createInvite, listInvites } from "@/lib/db/invites";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/admin/invites`: the newest invites, without their links (admins only). */
export const GET = route(async () => {
  await requireAdmin();
  return Response.json({ invites: await listInvites() });
});

/**
 * `POST /api/admin/invites` `{ maxUses, expiresInHours }`: a new invite; its link (`path`) is in this
 * answer only, since just a hash of its token is kept (admins only).
 */
export const POST = route(async (request) => {
  const admin = await requireAdmin();
  const { token, ...invite } = await parseAdminJson(request, inviteSchema).then((body) =>
    createInvite(admin, body),
  );
  return Response.json({ ...invite, path: `/register?invite=${token}` }, { status: 201 });
});
