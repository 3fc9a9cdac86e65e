// Browser tests drive the built app (next start) in Debian's chromium. The app instances share the
// build: one talks to the Messages-API test double, one runs in demo mode, one has tiny limits and
// one signs in through a real OpenID Connect provider (tests/support/oidc-provider.mjs). Ports come
// from scripts/test.mjs (free ports) or the defaults below.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { appEnv } from "./tests/support/app-env";
import { chromiumLaunchOptions } from "./tests/support/chromium";

const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
const appPort = port("E2E_APP_PORT", 3210);
const demoPort = port("E2E_DEMO_PORT", 3211);
const doublePort = port("E2E_DOUBLE_PORT", 3212);
const limitsPort = port("E2E_LIMITS_PORT", appPort + 3);
const oidcPort = port("E2E_OIDC_PORT", appPort + 4);
const ssoPort = port("E2E_SSO_PORT", appPort + 5);
const providerPorts = {
  bedrock: port("E2E_BEDROCK_PORT", appPort + 6),
  vertex: port("E2E_VERTEX_PORT", appPort + 7),
  foundry: port("E2E_FOUNDRY_PORT", appPort + 8),
};
export const doubleUrl = `http://127.0.0.1:${doublePort}`;
process.env.E2E_DOUBLE_URL = doubleUrl;
// The demo instance trusts no proxy (tests check that X-Forwarded-For is then ignored).
process.env.E2E_DEMO_URL = `http://127.0.0.1:${demoPort}`;
const serverLog = (name: string) => path.resolve("test-results", `server-${name}.log`);
process.env.E2E_APP_LOG = serverLog("app");

/**
 * The "limits" app shows the limits refusing: its allowances are set so that, times LIMITS_SCALE,
 * they are tiny (LIMITS_SCALE stays high so that allowances not under test stay out of the way), and
 * image URLs must be https as in production.
 */
const limitsEnv = {
  ANTHROPIC_BASE_URL: doubleUrl,
  ANTHROPIC_API_KEY: "test-key",
  ALLOW_HTTP_IMAGE_URLS: "false",
  RATE_LIMIT_SEARCH_PER_MINUTE: "0.003", // 3 a minute
  RATE_LIMIT_UPLOAD_PER_MINUTE: "0.005", // 5 a minute
  MAX_CONCURRENT_REPLIES: "0.001", // 1
  STORAGE_QUOTA_MB: "0.00005", // 0.05 MB
};

/**
 * The "sso" app signs in through the OIDC provider. It has an instance of its own because
 * tests/e2e/sso.spec.ts turns password sign-in off for the whole installation.
 */
const oidc = {
  issuer: `http://127.0.0.1:${oidcPort}`,
  clientId: "claude-chat-e2e",
  clientSecret: "e2e-only-oidc-client-secret",
};
const ssoEnv = {
  ANTHROPIC_BASE_URL: doubleUrl,
  ANTHROPIC_API_KEY: "test-key",
  OIDC_ISSUER: oidc.issuer,
  OIDC_CLIENT_ID: oidc.clientId,
  OIDC_CLIENT_SECRET: oidc.clientSecret,
  OIDC_NAME: "Test IdP",
};

/**
 * One app per cloud platform (ANTHROPIC_PROVIDER), each pointed at the test double's path for that
 * platform with the platform's kind of credentials (tests/e2e/providers.spec.ts).
 */
const providerEnvs = {
  bedrock: {
    ANTHROPIC_PROVIDER: "bedrock",
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "AKIDE2EEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "e2e-only-secret-access-key",
    ANTHROPIC_BEDROCK_BASE_URL: doubleUrl,
  },
  vertex: {
    ANTHROPIC_PROVIDER: "vertex",
    CLOUD_ML_REGION: "us-east5",
    ANTHROPIC_VERTEX_PROJECT_ID: "e2e-project",
    ANTHROPIC_VERTEX_ACCESS_TOKEN: "e2e-only-access-token",
    ANTHROPIC_VERTEX_BASE_URL: `${doubleUrl}/v1`,
  },
  foundry: {
    ANTHROPIC_PROVIDER: "foundry",
    ANTHROPIC_FOUNDRY_API_KEY: "e2e-only-foundry-key",
    ANTHROPIC_FOUNDRY_BASE_URL: `${doubleUrl}/anthropic/`,
  },
} as const;

function appServer(name: string, serverPort: number, extraEnv: Record<string, string>) {
  return {
    command: "node tests/support/serve-app.mjs",
    url: `http://127.0.0.1:${serverPort}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore" as const,
    env: {
      ...appEnv,
      ...extraEnv,
      PORT: String(serverPort),
      E2E_DB_NAME: name,
      E2E_SERVER_LOG: serverLog(name),
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    locale: "en-US",
    extraHTTPHeaders: { "Accept-Language": "en" },
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: "app",
      testIgnore: /(demo|limits|sso|providers)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${appPort}` },
    },
    {
      name: "demo",
      testMatch: /(demo|chat)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${demoPort}` },
    },
    {
      name: "limits",
      testMatch: /limits\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${limitsPort}` },
    },
    {
      name: "sso",
      testMatch: /sso\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${ssoPort}` },
    },
    ...Object.entries(providerPorts).map(([name, providerPort]) => ({
      name,
      testMatch: /providers\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${providerPort}` },
    })),
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs tests/double/main.ts",
      url: `${doubleUrl}/v1/models`,
      reuseExistingServer: false,
      env: { DOUBLE_PORT: String(doublePort) },
    },
    appServer("app", appPort, {
      ANTHROPIC_BASE_URL: doubleUrl,
      ANTHROPIC_API_KEY: "test-key",
      // The browser plays a reverse proxy: tests acting as clients elsewhere send X-Forwarded-For.
      TRUSTED_PROXIES: "127.0.0.1, ::1",
    }),
    appServer("demo", demoPort, { ANTHROPIC_BASE_URL: "", ANTHROPIC_API_KEY: "" }),
    appServer("limits", limitsPort, limitsEnv),
    {
      command: "node tests/support/oidc-provider.mjs",
      url: `${oidc.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: {
        OIDC_PORT: String(oidcPort),
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_REDIRECT_URI: `http://127.0.0.1:${ssoPort}/api/auth/callback/oidc`,
      },
    },
    appServer("sso", ssoPort, ssoEnv),
    ...Object.entries(providerEnvs).map(([name, providerEnv]) =>
      appServer(name, providerPorts[name as keyof typeof providerPorts], {
        ANTHROPIC_BASE_URL: "",
        ANTHROPIC_API_KEY: "",
        ...providerEnv,
      }),
    ),
  ],
});
