// Environment, validated once. A bad value fails fast with the variable's name; values are never printed.
import { z } from "zod";
import { type AddressRange, parseAddressRange } from "./client-address/ranges";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** A comma-separated list of IP addresses / CIDR ranges; the message names the bad entry's position, not its text. */
const addressRanges = z.string().transform((value, ctx): AddressRange[] => {
  const entries = value.split(",").map((entry) => entry.trim());
  const ranges = entries.filter(Boolean).map(parseAddressRange);
  const bad = ranges.indexOf(null);
  if (bad >= 0) {
    ctx.addIssue({
      code: "custom",
      message: `entry ${bad + 1} is not an IP address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8)`,
    });
    return z.NEVER;
  }
  return ranges as AddressRange[];
});

/** A positive number (fractions allowed: limits are multiplied by LIMITS_SCALE). */
const positiveNumber = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: "must be a positive number" })
      .positive({ message: "must be a positive number" })
      .max(1e9, { message: "must be at most 1e9" })
      .default(fallback),
  );

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default("file:./data/app.db")
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
        message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
      }),
  ),
  ANTHROPIC_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ANTHROPIC_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  ),
  /** Where Claude is served: Anthropic's API, or a cloud platform (see providerConfig below). */
  ANTHROPIC_PROVIDER: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["anthropic", "bedrock", "vertex", "foundry"], {
        message: "must be one of anthropic, bedrock, vertex, foundry",
      })
      .default("anthropic"),
  ),
  // Amazon Bedrock: the region, and AWS credentials from the environment or a profile (the SDK's chain).
  AWS_REGION: z.preprocess(emptyAsUndefined, z.string().max(50).optional()),
  AWS_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
  AWS_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
  AWS_BEARER_TOKEN_BEDROCK: z.preprocess(emptyAsUndefined, z.string().max(5000).optional()),
  ANTHROPIC_BEDROCK_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  // Google Vertex AI: region and project, credentials from application-default credentials.
  CLOUD_ML_REGION: z.preprocess(emptyAsUndefined, z.string().max(50).optional()),
  ANTHROPIC_VERTEX_PROJECT_ID: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  ANTHROPIC_VERTEX_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  /** A fixed OAuth access token in place of application-default credentials (it expires; for tests). */
  ANTHROPIC_VERTEX_ACCESS_TOKEN: z.preprocess(emptyAsUndefined, z.string().max(5000).optional()),
  // Microsoft Foundry: the resource name or a base URL, and the resource's key.
  ANTHROPIC_FOUNDRY_RESOURCE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/i, { message: "must be the resource name (letters, digits, -)" })
      .optional(),
  ),
  ANTHROPIC_FOUNDRY_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  ANTHROPIC_FOUNDRY_API_KEY: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { message: "must be at least 32 characters (npm run app generates one)" }).optional(),
  ),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  DEFAULT_MODEL: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  REGISTRATION_OPEN: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  /** Emails whose accounts are admins (besides the first account), comma-separated; compared lower-cased. */
  ADMIN_EMAILS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(10_000)
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  STREAM_STALL_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1000).max(600_000).default(60_000),
  ),
  ALLOW_HTTP_IMAGE_URLS: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  TITLE_MODEL: z.preprocess(emptyAsUndefined, z.string().max(100).default("claude-haiku-4-5")),
  /** The small model that writes a conversation's summary for a new chat; "off" withdraws the offer. */
  SUMMARY_MODEL: z.preprocess(emptyAsUndefined, z.string().max(100).default("claude-haiku-4-5")),
  ANTHROPIC_MAX_RETRIES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(2)),
  /** Key material for the provider credentials an admin stores (lib/credentials/); default: AUTH_SECRET. */
  CREDENTIALS_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .min(32, { message: "must be at least 32 characters (e.g. openssl rand -base64 48)" })
      .optional(),
  ),
  CONNECTOR_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  ),
  DISABLED_TOOLS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.enum(["web_search", "web_fetch", "code_execution", "connectors"]), {
          message: "must list only web_search, web_fetch, code_execution, connectors (comma-separated)",
        }),
      ),
  ),
  MAX_REPLY_STEPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(50).default(8)),
  /** Reverse proxies whose X-Forwarded-For is believed; none: the client is the socket's peer. */
  TRUSTED_PROXIES: z.preprocess(emptyAsUndefined, addressRanges.default([])),
  REGISTRATIONS_PER_HOUR: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int({ message: "must be a whole number" }).min(1).max(100_000).default(10),
  ),
  /** Multiplies every per-user and per-address allowance, not the failed-sign-in throttle (see lib/limits/). */
  LIMITS_SCALE: positiveNumber(1),
  RATE_LIMIT_CHAT_PER_MINUTE: positiveNumber(20),
  RATE_LIMIT_SEARCH_PER_MINUTE: positiveNumber(30),
  RATE_LIMIT_UPLOAD_PER_MINUTE: positiveNumber(20),
  RATE_LIMIT_IMPORT_PER_MINUTE: positiveNumber(5),
  RATE_LIMIT_COUNT_PER_MINUTE: positiveNumber(60),
  MAX_CONCURRENT_REPLIES: positiveNumber(3),
  STORAGE_QUOTA_MB: positiveNumber(500),
  /** Optional Redis for several instances (shared bus and limits); see lib/scale/. */
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  /** Names this instance across restarts (default: host and port); see lib/scale/instance.ts. */
  INSTANCE_NAME: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(200)
      .regex(/^[^/]+$/, { message: "must not contain /" })
      .optional(),
  ),
  /** How often a running reply beats, how often stale ones are swept, and when one is stale (ms). */
  HEARTBEAT_INTERVAL_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(600_000).default(5000),
  ),
  SWEEP_INTERVAL_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(600_000).default(10_000),
  ),
  /** The batch poller's shortest interval (ms): it backs off from this up to 30 times it. */
  BATCH_POLL_INTERVAL_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  ),
  HEARTBEAT_STALE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(300).max(3_600_000).default(20_000),
  ),
  /** Single sign-on over OpenID Connect: enabled when issuer, client id and secret are all set. */
  OIDC_ISSUER: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .max(500)
      .optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().max(2000).optional()),
  /** The identity provider's name on the sign-in button ("Sign in with ‹name›"). */
  OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(60).default("SSO")),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
});

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

export type Env = z.infer<typeof envSchema> & {
  demoMode: boolean;
  provider: ProviderConfig;
  databaseKind: "sqlite" | "postgres";
  /** Single sign-on, or null when OIDC_* is not set. */
  sso: SsoConfig | null;
};

const SSO_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

/** All three OIDC_* variables, or none: a partial configuration names what is missing. */
function ssoConfig(env: z.infer<typeof envSchema>): SsoConfig | null {
  const missing = SSO_VARIABLES.filter((name) => env[name] === undefined);
  if (missing.length === SSO_VARIABLES.length) return null;
  if (missing.length > 0)
    throw new EnvError([
      `${missing.join(", ")}: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (set all three, or none)`,
    ]);
  return {
    issuer: env.OIDC_ISSUER as string,
    clientId: env.OIDC_CLIENT_ID as string,
    clientSecret: env.OIDC_CLIENT_SECRET as string,
    name: env.OIDC_NAME,
  };
}

export type ProviderConfig =
  | { name: "anthropic" }
  | {
      name: "bedrock";
      region: string;
      baseURL?: string;
      /** Static keys when both are set; otherwise the AWS chain (env, profile, instance role) or a bearer token. */
      accessKey?: string;
      secretKey?: string;
      bearerToken?: string;
    }
  | { name: "vertex"; region: string; projectId: string; baseURL?: string; accessToken?: string }
  | { name: "foundry"; apiKey: string; resource?: string; baseURL?: string };

/** The provider's settings; a missing one is named with what the provider needs it for. */
function providerConfig(env: z.infer<typeof envSchema>): ProviderConfig {
  const missing = (names: string[], why: string) =>
    new EnvError(
      names.map((name) => `${name}: required with ANTHROPIC_PROVIDER=${env.ANTHROPIC_PROVIDER} (${why})`),
    );
  switch (env.ANTHROPIC_PROVIDER) {
    case "anthropic":
      return { name: "anthropic" };
    case "bedrock": {
      if (!env.AWS_REGION) throw missing(["AWS_REGION"], "the Bedrock region, e.g. us-east-1");
      const keys = [env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY];
      if (keys.some((key) => key === undefined) && keys.some((key) => key !== undefined))
        throw missing(
          [env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID"],
          "AWS keys come in pairs; or set neither and use a profile or role",
        );
      return {
        name: "bedrock",
        region: env.AWS_REGION,
        baseURL: env.ANTHROPIC_BEDROCK_BASE_URL,
        accessKey: env.AWS_ACCESS_KEY_ID,
        secretKey: env.AWS_SECRET_ACCESS_KEY,
        bearerToken: env.AWS_BEARER_TOKEN_BEDROCK,
      };
    }
    case "vertex": {
      const absent = (["CLOUD_ML_REGION", "ANTHROPIC_VERTEX_PROJECT_ID"] as const).filter(
        (name) => !env[name],
      );
      if (absent.length > 0) throw missing(absent, "the Google Cloud region and project id of Vertex AI");
      return {
        name: "vertex",
        region: env.CLOUD_ML_REGION as string,
        projectId: env.ANTHROPIC_VERTEX_PROJECT_ID as string,
        baseURL: env.ANTHROPIC_VERTEX_BASE_URL,
        accessToken: env.ANTHROPIC_VERTEX_ACCESS_TOKEN,
      };
    }
    case "foundry": {
      if (!env.ANTHROPIC_FOUNDRY_API_KEY)
        throw missing(["ANTHROPIC_FOUNDRY_API_KEY"], "the Foundry resource's key");
      if (!env.ANTHROPIC_FOUNDRY_RESOURCE === !env.ANTHROPIC_FOUNDRY_BASE_URL)
        throw new EnvError([
          "ANTHROPIC_FOUNDRY_RESOURCE, ANTHROPIC_FOUNDRY_BASE_URL: ANTHROPIC_PROVIDER=foundry needs exactly one of them (the resource name, or its base URL)",
        ]);
      return {
        name: "foundry",
        apiKey: env.ANTHROPIC_FOUNDRY_API_KEY,
        resource: env.ANTHROPIC_FOUNDRY_RESOURCE,
        baseURL: env.ANTHROPIC_FOUNDRY_BASE_URL,
      };
    }
  }
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = result.data;
  // A reply beats every HEARTBEAT_INTERVAL_MS: with less than two beats' time, a busy instance's
  // live replies would be swept as interrupted.
  if (env.HEARTBEAT_STALE_MS < 2 * env.HEARTBEAT_INTERVAL_MS)
    throw new EnvError(["HEARTBEAT_STALE_MS: must be at least twice HEARTBEAT_INTERVAL_MS"]);
  return {
    ...env,
    demoMode:
      env.ANTHROPIC_PROVIDER === "anthropic" &&
      env.ANTHROPIC_API_KEY === undefined &&
      env.ANTHROPIC_BASE_URL === undefined,
    provider: providerConfig(env),
    databaseKind: env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres",
    sso: ssoConfig(env),
  };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
