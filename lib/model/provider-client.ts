// Clients for the cloud platforms, each from its official package with the platform's own credentials.
// They speak the same Messages API as the Anthropic client; the features a platform lacks are turned
// off through lib/model/providers.ts before anyone calls them.
import "server-only";
import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";
import { AnthropicFoundry } from "@anthropic-ai/foundry-sdk";
import type Anthropic from "@anthropic-ai/sdk";
import { AnthropicVertex } from "@anthropic-ai/vertex-sdk";
import { OAuth2Client } from "google-auth-library";
import type { ProviderConfig } from "@/lib/env";

type CloudProvider = Exclude<ProviderConfig, { name: "anthropic" }>;

interface CommonOptions {
  maxRetries: number;
  timeout: number;
  fetch?: typeof fetch;
}

// The platforms take the API version in the body; the clients copy it there from this header.
const BEDROCK_VERSION = { "anthropic-version": "bedrock-2023-05-31" };
const VERTEX_VERSION = { "anthropic-version": "vertex-2023-10-16" };

function bedrock(config: Extract<CloudProvider, { name: "bedrock" }>, common: CommonOptions) {
  const options = {
    awsRegion: config.region,
    baseURL: config.baseURL,
    defaultHeaders: BEDROCK_VERSION,
    ...common,
  };
  if (config.accessKey && config.secretKey)
    return new AnthropicBedrock({
      ...options,
      awsAccessKey: config.accessKey,
      awsSecretKey: config.secretKey,
    });
  // A Bedrock API key is sent as a bearer token; `null` makes the client sign with the AWS chain instead.
  return new AnthropicBedrock({ ...options, apiKey: config.bearerToken ?? null });
}

function vertex(config: Extract<CloudProvider, { name: "vertex" }>, common: CommonOptions) {
  let authClient: OAuth2Client | undefined;
  if (config.accessToken) {
    authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: config.accessToken });
  }
  return new AnthropicVertex({
    region: config.region,
    projectId: config.projectId,
    baseURL: config.baseURL,
    defaultHeaders: VERTEX_VERSION,
    ...(authClient ? { authClient } : {}),
    ...common,
  });
}

function foundry(config: Extract<CloudProvider, { name: "foundry" }>, common: CommonOptions) {
  return new AnthropicFoundry({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : { resource: config.resource }),
    ...common,
  });
}

/**
 * The platform's client, typed as the Anthropic client the app is written against: the platform
 * clients share its Messages API and leave out what the platform does not serve.
 */
export function providerClient(config: CloudProvider, common: CommonOptions): Anthropic {
  const client =
    config.name === "bedrock"
      ? bedrock(config, common)
      : config.name === "vertex"
        ? vertex(config, common)
        : foundry(config, common);
  return client as unknown as Anthropic;
}
