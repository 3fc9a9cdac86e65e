// The one place the Messages API client is built. Demo mode (no key and no base URL) uses the same
// SDK with a built-in simulated endpoint in place of the network.
//
// The credentials are picked per request: those an admin stored (lib/credentials/), else the
// environment's. The sealed row is read on every call (one primary-key read), so a change takes
// effect for the next request on every instance; a client already streaming keeps the key it was built
// with, so replies under way finish on the old key.
import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import { openCredentials } from "@/lib/credentials";
import type { ProviderCredentials } from "@/lib/credentials/schema";
import { sealedCredential } from "@/lib/db/provider-credentials";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { demoFetch } from "./demo";
import { providerClient } from "./provider-client";
import type { ProviderName } from "./provider-models";

/** A client with these credentials, or the environment's when null. */
export function buildClient(
  credentials: ProviderCredentials | null,
  options: { maxRetries?: number; timeout?: number } = {},
): Anthropic {
  const config = env();
  const common = { maxRetries: config.ANTHROPIC_MAX_RETRIES, timeout: 10 * 60_000, ...options };
  if (config.demoMode)
    return new Anthropic({ apiKey: "demo", baseURL: "http://demo.invalid", fetch: demoFetch, maxRetries: 0 });
  if (config.provider.name === "anthropic")
    return new Anthropic({
      // A gateway or test double may need no key; the SDK still wants a value.
      apiKey:
        (credentials?.provider === "anthropic" ? credentials.apiKey : config.ANTHROPIC_API_KEY) ?? "none",
      baseURL: config.ANTHROPIC_BASE_URL,
      ...common,
    });
  return providerClient(config.provider, credentials, common);
}

export interface ModelSeam {
  /** The client for the next request, with the credentials in force now. */
  client(): Promise<Anthropic>;
}

/** What a seam is made of; tests replace some (the database test builds clients for its double). */
export interface SeamParts {
  /** The configured provider, or null in demo mode (no credentials apply). */
  provider(): ProviderName | null;
  readSealed(provider: ProviderName): Promise<string | null>;
  open(provider: ProviderName, sealed: string): ProviderCredentials | null;
  build(credentials: ProviderCredentials | null): Anthropic;
}

const productionParts: SeamParts = {
  provider: () => (env().demoMode ? null : env().provider.name),
  readSealed: sealedCredential,
  open: openCredentials,
  build: (credentials) => buildClient(credentials),
};

/** A seam with its own cache of built clients (one per process; tests make several). */
export function createModelSeam(overrides: Partial<SeamParts> = {}): ModelSeam {
  const parts = { ...productionParts, ...overrides };
  let fromEnv: Anthropic | undefined;
  let fromStore: { sealed: string; client: Anthropic } | undefined;
  const envClient = () => {
    fromEnv ??= parts.build(null);
    return fromEnv;
  };
  return {
    async client() {
      const provider = parts.provider();
      if (provider === null) return envClient();
      const sealed = await parts.readSealed(provider);
      if (sealed === null) return envClient();
      if (fromStore?.sealed === sealed) return fromStore.client;
      const credentials = parts.open(provider, sealed);
      if (!credentials) {
        logger.warn(
          { provider },
          "stored provider credentials cannot be opened (was the secret changed?); using the environment's",
        );
      }
      // Unreadable credentials are remembered too, so the warning comes once per change.
      fromStore = { sealed, client: credentials ? parts.build(credentials) : envClient() };
      return fromStore.client;
    },
  };
}

const seam = createModelSeam();

/** The Messages API client for the next request (call it per request; never keep it). */
export function anthropic(): Promise<Anthropic> {
  return seam.client();
}
