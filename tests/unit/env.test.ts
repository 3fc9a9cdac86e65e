import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const SECRET_32 = "0123456789abcdef0123456789abcdef";

/** The EnvError thrown for `source`; fails the test when parsing succeeds or throws something else. */
function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv defaults", () => {
  it("fills in every default for an empty environment", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBe("file:./data/app.db");
    expect(env.PORT).toBe(3000);
    expect(env.REGISTRATION_OPEN).toBe(true);
    expect(env.STREAM_STALL_TIMEOUT_MS).toBe(60_000);
    expect(env.ANTHROPIC_MAX_RETRIES).toBe(2);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(env.ANTHROPIC_BASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.DEFAULT_MODEL).toBeUndefined();
    expect(env.databaseKind).toBe("sqlite");
    expect(env.demoMode).toBe(true);
    expect(env.TRUSTED_PROXIES).toEqual([]);
    expect(env.LIMITS_SCALE).toBe(1);
    expect(env.REGISTRATIONS_PER_HOUR).toBe(10);
  });

  it("coerces numbers and boolean flags from strings", () => {
    const env = parseEnv({
      PORT: "8080",
      STREAM_STALL_TIMEOUT_MS: "1500",
      ANTHROPIC_MAX_RETRIES: "0",
      REGISTRATION_OPEN: "false",
    });
    expect(env.PORT).toBe(8080);
    expect(env.STREAM_STALL_TIMEOUT_MS).toBe(1500);
    expect(env.ANTHROPIC_MAX_RETRIES).toBe(0);
    expect(env.REGISTRATION_OPEN).toBe(false);
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
    ["", true],
  ])("reads REGISTRATION_OPEN=%j as %s", (value, expected) => {
    expect(parseEnv({ REGISTRATION_OPEN: value }).REGISTRATION_OPEN).toBe(expected);
  });

  it("treats empty optional strings as unset", () => {
    const env = parseEnv({
      AUTH_SECRET: "",
      DEFAULT_MODEL: "",
      ANTHROPIC_API_KEY: "",
      ANTHROPIC_BASE_URL: "",
    });
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.DEFAULT_MODEL).toBeUndefined();
    expect(env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(env.ANTHROPIC_BASE_URL).toBeUndefined();
  });

  it("reads LOG_LEVEL", () => {
    expect(parseEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(parseEnv({ LOG_LEVEL: "silent" }).LOG_LEVEL).toBe("silent");
  });

  it("keeps a valid AUTH_SECRET and DEFAULT_MODEL", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET_32, DEFAULT_MODEL: "claude-sonnet-4-6" });
    expect(env.AUTH_SECRET).toBe(SECRET_32);
    expect(env.DEFAULT_MODEL).toBe("claude-sonnet-4-6");
  });
});

describe("demoMode", () => {
  it("is on with neither an API key nor a base URL", () => {
    expect(parseEnv({}).demoMode).toBe(true);
  });

  it("is on when both are empty strings", () => {
    expect(parseEnv({ ANTHROPIC_API_KEY: "", ANTHROPIC_BASE_URL: "" }).demoMode).toBe(true);
  });

  it("is off with an API key", () => {
    const env = parseEnv({ ANTHROPIC_API_KEY: "sk-ant-test" });
    expect(env.demoMode).toBe(false);
    expect(env.ANTHROPIC_API_KEY).toBe("sk-ant-test");
  });

  it("is off with only a base URL (a gateway or test double)", () => {
    const env = parseEnv({ ANTHROPIC_BASE_URL: "http://127.0.0.1:4010" });
    expect(env.demoMode).toBe(false);
    expect(env.ANTHROPIC_BASE_URL).toBe("http://127.0.0.1:4010");
  });

  it("is off with an API key and an empty base URL", () => {
    expect(parseEnv({ ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: "" }).demoMode).toBe(false);
  });
});

describe("databaseKind", () => {
  it.each([
    ["file:./data/app.db", "sqlite"],
    ["file:/var/lib/app.db", "sqlite"],
    ["postgres://u:p@localhost:5432/app", "postgres"],
    ["postgresql://u:p@localhost/app", "postgres"],
  ])("%s is %s", (url, kind) => {
    const env = parseEnv({ DATABASE_URL: url });
    expect(env.databaseKind).toBe(kind);
    expect(env.DATABASE_URL).toBe(url);
  });
});

describe("bad values", () => {
  it.each([
    ["DATABASE_URL", "mysql://x"],
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["AUTH_SECRET", "short-secret-value"],
    ["ANTHROPIC_BASE_URL", "not a url"],
    ["ANTHROPIC_BASE_URL", "ftp://files.example.com"],
    ["REGISTRATION_OPEN", "maybe"],
    ["STREAM_STALL_TIMEOUT_MS", "7"],
    ["ANTHROPIC_MAX_RETRIES", "42"],
    ["NODE_ENV", "staging"],
    ["LIMITS_SCALE", "0"],
    ["LIMITS_SCALE", "-3"],
    ["LIMITS_SCALE", "lots"],
    ["REGISTRATIONS_PER_HOUR", "2.5"],
    ["REGISTRATIONS_PER_HOUR", "0"],
    ["TRUSTED_PROXIES", "10.0.0.1, proxy.internal"],
    ["TRUSTED_PROXIES", "10.0.0.0/40"],
    ["LOG_LEVEL", "verbose"],
  ])("%s=%j throws an EnvError naming the variable, not the value", (name, value) => {
    const error = envError({ [name]: value });
    expect(error.name).toBe("EnvError");
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(error.message).toContain(name);
    expect(error.message.startsWith("Invalid environment:\n  - ")).toBe(true);
    expect(error.message).not.toContain(value);
  });

  it("never prints the secret itself", () => {
    const error = envError({ AUTH_SECRET: "short-secret-value" });
    expect(error.message).toBe(
      "Invalid environment:\n  - AUTH_SECRET: must be at least 32 characters (npm run app generates one)",
    );
    expect(error.message).not.toContain("short-secret-value");
  });

  it("does not leak credentials embedded in a rejected DATABASE_URL", () => {
    const error = envError({ DATABASE_URL: "mysql://admin:hunter2-password@db.internal/app" });
    expect(error.problems).toEqual([
      "DATABASE_URL: must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
    ]);
    expect(error.message).not.toContain("hunter2-password");
  });

  it("lists every bad variable at once", () => {
    const error = envError({ PORT: "abc", REGISTRATION_OPEN: "maybe", ANTHROPIC_BASE_URL: "not a url" });
    const names = error.problems.map((problem) => problem.split(":")[0]).sort();
    expect(names).toEqual(["ANTHROPIC_BASE_URL", "PORT", "REGISTRATION_OPEN"]);
    expect(error.message.split("\n")).toHaveLength(4);
  });

  it("rejects a non-integer PORT", () => {
    expect(envError({ PORT: "80.5" }).problems[0]).toMatch(/^PORT: /);
  });
});

describe("limits and proxies", () => {
  it("reads LIMITS_SCALE as a positive number and REGISTRATIONS_PER_HOUR as a whole one", () => {
    const env = parseEnv({ LIMITS_SCALE: "1000", REGISTRATIONS_PER_HOUR: "3" });
    expect(env.LIMITS_SCALE).toBe(1000);
    expect(env.REGISTRATIONS_PER_HOUR).toBe(3);
    expect(parseEnv({ LIMITS_SCALE: "0.5" }).LIMITS_SCALE).toBe(0.5);
  });

  it("reads TRUSTED_PROXIES as addresses and CIDR ranges, ignoring blanks", () => {
    expect(parseEnv({ TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8,,fd00::/8 ," }).TRUSTED_PROXIES).toEqual([
      { address: "127.0.0.1", prefix: 32, family: "ipv4" },
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "fd00::", prefix: 8, family: "ipv6" },
    ]);
  });

  it("says which TRUSTED_PROXIES entry is wrong and what is expected", () => {
    expect(envError({ TRUSTED_PROXIES: "10.0.0.1, proxy.internal" }).problems).toEqual([
      "TRUSTED_PROXIES: entry 2 is not an IP address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8)",
    ]);
  });
});

describe("limits", () => {
  it("defaults LIMITS_SCALE to 1 and every allowance to its documented value", () => {
    const env = parseEnv({});
    expect(env.LIMITS_SCALE).toBe(1);
    expect(env.RATE_LIMIT_CHAT_PER_MINUTE).toBe(20);
    expect(env.RATE_LIMIT_SEARCH_PER_MINUTE).toBe(30);
    expect(env.RATE_LIMIT_UPLOAD_PER_MINUTE).toBe(20);
    expect(env.RATE_LIMIT_IMPORT_PER_MINUTE).toBe(5);
    expect(env.RATE_LIMIT_COUNT_PER_MINUTE).toBe(60);
    expect(env.MAX_CONCURRENT_REPLIES).toBe(3);
    expect(env.STORAGE_QUOTA_MB).toBe(500);
  });

  it("takes positive numbers, fractions included", () => {
    const env = parseEnv({ LIMITS_SCALE: "1000", STORAGE_QUOTA_MB: "0.5" });
    expect(env.LIMITS_SCALE).toBe(1000);
    expect(env.STORAGE_QUOTA_MB).toBe(0.5);
  });

  it.each(["0", "-1", "many"])("refuses LIMITS_SCALE=%j with the variable's name", (value) => {
    expect(envError({ LIMITS_SCALE: value }).problems).toEqual(["LIMITS_SCALE: must be a positive number"]);
  });
});

describe("several instances", () => {
  it("reads REDIS_URL and the liveness intervals, with defaults", () => {
    const defaults = parseEnv({});
    expect(defaults.REDIS_URL).toBeUndefined();
    expect([defaults.HEARTBEAT_INTERVAL_MS, defaults.SWEEP_INTERVAL_MS, defaults.HEARTBEAT_STALE_MS]).toEqual(
      [5000, 10_000, 20_000],
    );
    const set = parseEnv({
      REDIS_URL: "redis://127.0.0.1:6379",
      HEARTBEAT_INTERVAL_MS: "500",
      HEARTBEAT_STALE_MS: "3000",
    });
    expect(set.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(set.HEARTBEAT_STALE_MS).toBe(3000);
  });

  it("refuses a non-Redis REDIS_URL, a stale time under two heartbeats and an INSTANCE_NAME with a slash", () => {
    expect(envError({ REDIS_URL: "http://example.com" }).problems).toEqual([
      "REDIS_URL: must be a redis:// or rediss:// URL",
    ]);
    expect(envError({ HEARTBEAT_INTERVAL_MS: "5000", HEARTBEAT_STALE_MS: "9000" }).problems).toEqual([
      "HEARTBEAT_STALE_MS: must be at least twice HEARTBEAT_INTERVAL_MS",
    ]);
    expect(envError({ INSTANCE_NAME: "a/b" }).problems).toEqual(["INSTANCE_NAME: must not contain /"]);
  });
});

describe("ANTHROPIC_PROVIDER", () => {
  it("defaults to Anthropic's API; a cloud platform is never demo mode", () => {
    expect(parseEnv({}).provider).toEqual({ name: "anthropic" });
    const bedrock = parseEnv({ ANTHROPIC_PROVIDER: "bedrock", AWS_REGION: "us-east-1" });
    expect(bedrock.provider).toMatchObject({ name: "bedrock", region: "us-east-1" });
    expect(bedrock.demoMode).toBe(false);
  });

  it("refuses an unknown provider with the choices", () => {
    expect(envError({ ANTHROPIC_PROVIDER: "azure" }).problems).toEqual([
      "ANTHROPIC_PROVIDER: must be one of anthropic, bedrock, vertex, foundry",
    ]);
  });

  it("names what each provider is missing", () => {
    expect(envError({ ANTHROPIC_PROVIDER: "bedrock" }).problems).toEqual([
      "AWS_REGION: required with ANTHROPIC_PROVIDER=bedrock (the Bedrock region, e.g. us-east-1)",
    ]);
    expect(
      envError({ ANTHROPIC_PROVIDER: "bedrock", AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "AKID" })
        .problems[0],
    ).toMatch(/^AWS_SECRET_ACCESS_KEY: required with ANTHROPIC_PROVIDER=bedrock/);
    expect(envError({ ANTHROPIC_PROVIDER: "vertex", CLOUD_ML_REGION: "us-east5" }).problems).toEqual([
      "ANTHROPIC_VERTEX_PROJECT_ID: required with ANTHROPIC_PROVIDER=vertex (the Google Cloud region and project id of Vertex AI)",
    ]);
    expect(envError({ ANTHROPIC_PROVIDER: "foundry", ANTHROPIC_FOUNDRY_RESOURCE: "team" }).problems).toEqual([
      "ANTHROPIC_FOUNDRY_API_KEY: required with ANTHROPIC_PROVIDER=foundry (the Foundry resource's key)",
    ]);
    expect(envError({ ANTHROPIC_PROVIDER: "foundry", ANTHROPIC_FOUNDRY_API_KEY: "k" }).problems[0]).toMatch(
      /^ANTHROPIC_FOUNDRY_RESOURCE, ANTHROPIC_FOUNDRY_BASE_URL: .*exactly one/,
    );
  });

  it("never prints a credential's value", () => {
    const error = envError({
      ANTHROPIC_PROVIDER: "bedrock",
      AWS_REGION: "eu-west-1",
      AWS_SECRET_ACCESS_KEY: "s3cr3t",
    });
    expect(error.message).not.toContain("s3cr3t");
  });
});
