import { settingsChangeSchema } from "@/lib/admin/schemas";
import { parseAdminJson } from "@/lib/admin/validate";
import { requireAdmin } from "@/lib/auth/admin";
import { changeAppSettings, getAppSettings } from "@/lib/db/app-settings";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/admin/settings`: registration mode and default budget (admins only). */
export const GET = route(async () => {
  await requireAdmin();
  return Response.json(await getAppSettings());
});

/** `PATCH /api/admin/settings` `{ registrationMode }` | `{ defaultBudgetUsd }` (admins only). */
export const PATCH = route(async (request) => {
  const admin = await requireAdmin();
  const change = await parseAdminJson(request, settingsChangeSchema);
  return Response.json(await changeAppSettings(admin, change));
});
