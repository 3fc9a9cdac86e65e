// Sealing and opening the provider credentials an admin stores, with the key from the environment.
import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ProviderName } from "@/lib/model/provider-models";
import { credentialsSchema, type ProviderCredentials } from "./schema";
import { credentialsKey, open, seal } from "./seal";

let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer | null {
  const { CREDENTIALS_SECRET, AUTH_SECRET } = env();
  const secret = CREDENTIALS_SECRET ?? AUTH_SECRET;
  if (!secret) return null;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: credentialsKey(secret) };
  return cachedKey.key;
}

export function sealCredentials(credentials: ProviderCredentials): string {
  const sealingKey = key();
  if (!sealingKey)
    throw new AppError(
      "unavailable:credentials_secret",
      "Storing credentials needs CREDENTIALS_SECRET or AUTH_SECRET on the server.",
    );
  return seal(sealingKey, JSON.stringify(credentials), credentials.provider);
}

/** The stored credentials, or null when they cannot be opened (the secret changed, tampered with). */
export function openCredentials(provider: ProviderName, sealed: string): ProviderCredentials | null {
  const openingKey = key();
  const text = openingKey ? open(openingKey, sealed, provider) : null;
  if (text === null) return null;
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.provider === provider ? parsed.data : null;
  } catch {
    return null;
  }
}
