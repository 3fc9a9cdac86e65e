import { requireAdmin } from "@/lib/auth/admin";
import { sealCredentials } from "@/lib/credentials";
import { checkCredentials } from "@/lib/credentials/check";
import { parseCredentials } from "@/lib/credentials/request";
import { fingerprintOf } from "@/lib/credentials/schema";
import { credentialStatus, removeCredential, storeCredential } from "@/lib/db/provider-credentials";
import { env } from "@/lib/env";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/admin/credentials`: whether stored credentials are in use, who set them, when, their fingerprint. */
export const GET = route(async () => {
  await requireAdmin();
  const provider = env().provider.name;
  return Response.json({ provider, stored: await credentialStatus(provider) });
});

/**
 * `PUT /api/admin/credentials` `{ provider, … }`: stores the configured provider's credentials once the
 * provider accepts them (the same check as "Test connection"); every instance uses them for its next request.
 */
export const PUT = route(async (request) => {
  const admin = await requireAdmin();
  const credentials = await parseCredentials(request);
  await checkCredentials(credentials);
  const stored = await storeCredential(admin, credentials.provider, {
    sealed: sealCredentials(credentials),
    fingerprint: fingerprintOf(credentials),
  });
  return Response.json({ provider: credentials.provider, stored });
});

/** `DELETE /api/admin/credentials`: "Use environment values" — removes the stored credentials. */
export const DELETE = route(async () => {
  const admin = await requireAdmin();
  const provider = env().provider.name;
  await removeCredential(admin, provider);
  return Response.json({ provider, stored: null });
});
