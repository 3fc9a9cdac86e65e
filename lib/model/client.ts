// The one place the Messages API client is built. Demo mode (no key and no base URL) uses the same
// SDK with a built-in simulated endpoint in place of the network.
import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import { env } from "@/lib/env";
import { demoFetch } from "./demo";
import { providerClient } from "./provider-client";

let client: Anthropic | undefined;

export function anthropic(): Anthropic {
  if (client) return client;
  const config = env();
  const common = { maxRetries: config.ANTHROPIC_MAX_RETRIES, timeout: 10 * 60_000 };
  client = config.demoMode
    ? new Anthropic({ apiKey: "demo", baseURL: "http://demo.invalid", fetch: demoFetch, maxRetries: 0 })
    : config.provider.name === "anthropic"
      ? new Anthropic({
          // A gateway or test double may need no key; the SDK still wants a value.
          apiKey: config.ANTHROPIC_API_KEY ?? "none",
          baseURL: config.ANTHROPIC_BASE_URL,
          ...common,
        })
      : providerClient(config.provider, common);
  return client;
}
