import { settingsChangeSchema } from "@/lib/admin/schemas";
import { parseAdminJson } from "@/lib/admin/validate";
import { requireAdmin } from "@/lib/auth/admin";
import { changeAppSettings, getAppSettings } from "@/lib/db/app-settings";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/admin/settings`: registration mode, default budget, password sign-in (admins only). */
export const GET = route(async () => {
  await requireAdmin();
  return Response.json(await getAppSettings());
});

/**
 * `PATCH /api/admin/settings` `{ registrationMode }` | `{ defaultBudgetUsd }` | `{ passwordSignIn }`
 * (admins only). Password sign-in turns off only while single sign-on is configured.
 */
export const PATCH = route(async (request) => {
  const admin = await requireAdmin();
  const change = await parseAdminJson(request, settingsChangeSchema);
  if ("passwordSignIn" in change && !change.passwordSignIn && !env().sso)
    throw new AppError(
      "conflict:sso_not_configured",
      "Password sign-in can be turned off only while single sign-on is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).",
    );
  return Response.json(await changeAppSettings(admin, change));
});
