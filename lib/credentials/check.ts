// "Test connection": one cheap call with candidate credentials through the model seam — the Models
// API where the provider has it, else a 1-token request — turned into a refusal naming the cause.
import "server-only";
import { APIConnectionError, APIError } from "@anthropic-ai/sdk";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { buildClient } from "@/lib/model/client";
import { providerModels } from "@/lib/model/providers";
import type { ProviderCredentials } from "./schema";

/** A check wants a quick answer: no retries, a short timeout. */
const CHECK_OPTIONS = { maxRetries: 0, timeout: 15_000 };

async function call(credentials: ProviderCredentials) {
  const client = buildClient(credentials, CHECK_OPTIONS);
  const table = providerModels();
  if (!table) {
    await client.models.list({ limit: 1 });
    return;
  }
  // The table's first model: the one a deployment is most likely to serve (1 token costs next to nothing).
  const model = table[0]?.id ?? "claude-haiku-4-5";
  await client.messages.create({ model, max_tokens: 1, messages: [{ role: "user", content: "ping" }] });
}

/** Resolves when the provider accepts the credentials; otherwise throws the refusal naming why. */
export async function checkCredentials(credentials: ProviderCredentials): Promise<void> {
  try {
    await call(credentials);
  } catch (error) {
    throw refusalOf(error);
  }
}

function refusalOf(error: unknown): AppError {
  if (error instanceof APIConnectionError)
    return new AppError("upstream:credentials_unreachable", "The provider could not be reached.");
  if (error instanceof APIError && error.status === 401)
    return new AppError("bad_request:credentials_rejected", "The provider did not accept these credentials.");
  if (error instanceof APIError && error.status === 403)
    return new AppError(
      "bad_request:credentials_forbidden",
      "These credentials are valid but may not use Claude (permission denied).",
    );
  const status = error instanceof APIError ? (error.status ?? 0) : 0;
  // The type only: some errors repeat what was sent.
  logger.warn(
    { errorType: error instanceof Error ? error.name : typeof error, status },
    "credentials check failed",
  );
  const refusal = new AppError(
    "upstream:credentials_check",
    "The provider answered the check with an error.",
  );
  refusal.params = { status };
  return refusal;
}
