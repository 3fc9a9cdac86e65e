// The admin's credentials from a request body: checked against the schema and the configured provider.
import "server-only";
import { parseAdminJson } from "@/lib/admin/validate";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { credentialsSchema, type ProviderCredentials } from "./schema";

export async function parseCredentials(request: Request): Promise<ProviderCredentials> {
  const config = env();
  if (config.demoMode)
    throw new AppError(
      "conflict:demo_mode",
      "Demo mode has no provider: set ANTHROPIC_API_KEY or ANTHROPIC_BASE_URL to use credentials.",
    );
  const credentials = await parseAdminJson(request, credentialsSchema);
  if (credentials.provider !== config.provider.name)
    throw new AppError("bad_request:input", "These are not credentials of the configured provider.", [
      { path: "provider", message: "providerMismatch" },
    ]);
  return credentials;
}
