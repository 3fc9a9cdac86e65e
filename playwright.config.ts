// Browser tests drive the built app (next start) in Debian's chromium. Two app instances share the
// build: one talks to the Messages-API test double, one runs in demo mode. Ports come from
// scripts/test.mjs (free ports) or the defaults below.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";

const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
const appPort = port("E2E_APP_PORT", 3210);
const demoPort = port("E2E_DEMO_PORT", 3211);
const doublePort = port("E2E_DOUBLE_PORT", 3212);
const limitsPort = port("E2E_LIMITS_PORT", appPort + 3);
export const doubleUrl = `http://127.0.0.1:${doublePort}`;
process.env.E2E_DOUBLE_URL = doubleUrl;
// The demo instance trusts no proxy (tests check that X-Forwarded-For is then ignored).
process.env.E2E_DEMO_URL = `http://127.0.0.1:${demoPort}`;
const serverLog = (name: string) => path.resolve("test-results", `server-${name}.log`);
process.env.E2E_APP_LOG = serverLog("app");

const appEnv = {
  AUTH_SECRET: process.env.E2E_AUTH_SECRET || "e2e-only-secret-e2e-only-secret-e2e-only",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  STREAM_STALL_TIMEOUT_MS: "3000",
  ANTHROPIC_MAX_RETRIES: "2",
  // Tests name conversations by their first words; title generation is covered by unit tests.
  TITLE_MODEL: "off",
  ALLOW_HTTP_IMAGE_URLS: "true",
  // Many test users share one address: per-user and per-address allowances must not refuse them.
  LIMITS_SCALE: "1000",
  // tests/e2e/admin.spec.ts signs in as this admin; whoever registers first is an admin too.
  ADMIN_EMAILS: "admin@admin.e2e.test",
};

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
      testIgnore: /(demo|limits)\.spec\.ts/,
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
  ],
});
