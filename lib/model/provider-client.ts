// Clients for the cloud platforms, each from its official package with the platform's own credentials.
// They speak the same Messages API as the Anthropic client; the features a platform lacks are turned
// off through lib/model/providers.ts before anyone calls them.
import "server-only";
import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";
import { AnthropicFoundry } from "@anthropic-ai/foundry-sdk";
import type Anthropic from "@anthropic-ai/sdk";
import { AnthropicVertex } from "@anthropic-ai/vertex-sdk";
import { GoogleAuth, OAuth2Client } from "google-auth-library";
import type { ProviderCredentials } from "@/lib/credentials/schema";
import type { ProviderConfig } from "@/lib/env";

type CloudProvider = Exclude<ProviderConfig, { name: "anthropic" }>;
type Bedrock = Extract<CloudProvider, { name: "bedrock" }> & { sessionToken?: string };
type Vertex = Extract<CloudProvider, { name: "vertex" }> & { serviceAccountJson?: string };
type Foundry = Extract<CloudProvider, { name: "foundry" }>;
type CloudSettings = Bedrock | Vertex | Foundry;

interface CommonOptions {
  maxRetries: number;
  timeout: number;
  fetch?: typeof fetch;
}

// The platforms take the API version in the body; the clients copy it there from this header.
const BEDROCK_VERSION = { "anthropic-version": "bedrock-2023-05-31" };
const VERTEX_VERSION = { "anthropic-version": "vertex-2023-10-16" };

function bedrock(config: Bedrock, common: CommonOptions) {
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
      awsSessionToken: config.sessionToken ?? null,
    });
  // A Bedrock API key is sent as a bearer token; `null` makes the client sign with the AWS chain instead.
  return new AnthropicBedrock({ ...options, apiKey: config.bearerToken ?? null });
}

function vertex(config: Vertex, common: CommonOptions) {
  let authClient: OAuth2Client | undefined;
  // A stored service-account key signs its own token requests (to its token_uri).
  const googleAuth = config.serviceAccountJson
    ? new GoogleAuth({
        credentials: JSON.parse(config.serviceAccountJson),
        scopes: ["https://www.googleapis.com/auth/cloud-platform"],
      })
    : undefined;
  if (config.accessToken && !googleAuth) {
    authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: config.accessToken });
  }
  return new AnthropicVertex({
    region: config.region,
    projectId: config.projectId,
    baseURL: config.baseURL,
    defaultHeaders: VERTEX_VERSION,
    ...(authClient ? { authClient } : googleAuth ? { googleAuth } : {}),
    ...common,
  });
}

function foundry(config: Foundry, common: CommonOptions) {
  return new AnthropicFoundry({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : { resource: config.resource }),
    ...common,
  });
}

/** The environment's settings with the stored credentials in place of the environment's own. */
function withCredentials(config: CloudProvider, stored: ProviderCredentials | null): CloudSettings {
  if (!stored || stored.provider !== config.name) return config;
  switch (stored.provider) {
    case "bedrock":
      return {
        ...(config as Bedrock),
        region: stored.region,
        accessKey: stored.accessKeyId,
        secretKey: stored.secretAccessKey,
        sessionToken: stored.sessionToken || undefined,
        bearerToken: undefined,
      } satisfies Bedrock;
    case "vertex":
      return {
        ...(config as Vertex),
        region: stored.region,
        projectId: stored.projectId,
        serviceAccountJson: stored.serviceAccountJson,
        accessToken: undefined,
      } satisfies Vertex;
    case "foundry":
      return {
        ...(config as Foundry),
        apiKey: stored.apiKey,
        ...(stored.resource ? { resource: stored.resource, baseURL: undefined } : {}),
      };
    default:
      return config;
  }
}

/**
 * The platform's client, typed as the Anthropic client the app is written against: the platform
 * clients share its Messages API and leave out what the platform does not serve. Stored credentials
 * (null: none) replace the environment's.
 */
export function providerClient(
  environment: CloudProvider,
  stored: ProviderCredentials | null,
  common: CommonOptions,
): Anthropic {
  const config = withCredentials(environment, stored);
  const client =
    config.name === "bedrock"
      ? bedrock(config, common)
      : config.name === "vertex"
        ? vertex(config, common)
        : foundry(config, common);
  return client as unknown as Anthropic;
}
