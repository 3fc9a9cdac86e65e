import { userChangeSchema } from "@/lib/admin/schemas";
import { parseAdminJson, refusal } from "@/lib/admin/validate";
import { requireAdmin } from "@/lib/auth/admin";
import { changeUser } from "@/lib/db/admin-users";
import { route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/**
 * `PATCH /api/admin/users/<id>` `{ change: "role", role }` | `{ change: "status", status }` |
 * `{ change: "budget", monthlyBudgetUsd }`: admins only (404 for everyone else).
 */
export const PATCH = route(async (request, context: Context) => {
  const admin = await requireAdmin();
  const change = await parseAdminJson(request, userChangeSchema);
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) throw refusal("not_found:user");
  const result = await changeUser(admin, id.data, change);
  if (!result.ok) throw refusal(result.code);
  return Response.json({ changed: result.changed });
});
