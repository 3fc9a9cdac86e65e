import { requireAdmin } from "@/lib/auth/admin";
import { checkCredentials } from "@/lib/credentials/check";
import { parseCredentials } from "@/lib/credentials/request";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `POST /api/admin/credentials/check` `{ provider, … }`: tries the credentials, stores nothing (admins only). */
export const POST = route(async (request) => {
  await requireAdmin();
  await checkCredentials(await parseCredentials(request));
  return Response.json({ ok: true });
});
