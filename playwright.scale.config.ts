// Several app instances behind one URL (issue #12): two built instances on one fresh PostgreSQL
// database, once with PostgreSQL LISTEN/NOTIFY alone and once with Redis. The spec starts and stops
// its own servers (tests/scale/cluster.ts), since it kills and restarts one of them.
import { defineConfig, devices } from "@playwright/test";
import type { ClusterOptions } from "./tests/scale/cluster";
import { chromiumLaunchOptions } from "./tests/support/chromium";

export default defineConfig<ClusterOptions>({
  testDir: "tests/scale",
  testMatch: /\.spec\.ts$/,
  outputDir: "test-results/scale-artifacts",
  workers: 1,
  retries: 0,
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/scale.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    locale: "en-US",
    extraHTTPHeaders: { "Accept-Language": "en" },
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "postgres", use: { withRedis: false } },
    { name: "redis", use: { withRedis: true } },
  ],
});
