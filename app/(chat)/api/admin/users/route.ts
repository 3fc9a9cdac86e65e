import { requireAdmin } from "@/lib/auth/admin";
import { listUsersForAdmin } from "@/lib/db/admin-users";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/admin/users`: the users table as JSON (admins only; 404 for everyone else). */
export const GET = route(async () => {
  await requireAdmin();
  return Response.json({ users: await listUsersForAdmin() });
});
