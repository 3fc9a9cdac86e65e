// Shared by the benchmarks: start the Messages-API test double and the built app on free ports,
// and sign a fresh user in through the real registration page.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { type DoubleHandle, startDouble } from "../tests/double/server";
import { freePort, waitFor } from "../tests/support/app-process";
import { chromiumLaunchOptions } from "../tests/support/chromium";

export const root = path.resolve(import.meta.dirname, "..");

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

export interface BenchApp {
  baseUrl: string;
  double: DoubleHandle;
  close(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("Build the app first: npm run build");
  const double = await startDouble();
  const port = await freePort();
  const app: ChildProcess = spawn("node", ["tests/support/serve-app.mjs"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      E2E_DB_NAME: `bench-${port}`,
      ANTHROPIC_BASE_URL: double.url,
      ANTHROPIC_API_KEY: "bench",
      AUTH_SECRET: "bench-only-secret-bench-only-secret-bench",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // Benchmarks register their users from this one address.
      LIMITS_SCALE: process.env.LIMITS_SCALE ?? "1000",
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/health`);
  return {
    baseUrl,
    double,
    async close() {
      app.kill("SIGTERM");
      await double.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Registers a fresh user in `page` and leaves it signed in on the chat page. */
export async function registerIn(page: Page, baseUrl: string): Promise<void> {
  // tsx compiles the benchmarks with esbuild's keepNames, whose helper must exist in the page too.
  await page.addInitScript({ content: "window.__name = (fn) => fn;" });
  await page.goto(`${baseUrl}/register`);
  await page
    .getByLabel("Email")
    .fill(`bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`);
  await page.getByLabel("Password").fill("bench-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/`);
}
