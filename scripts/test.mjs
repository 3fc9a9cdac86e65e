// `npm test`: install what is missing, then typecheck, lint, unit/integration tests, build and
// browser tests. Exits non-zero on any failure and ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureDependencies, freePort, log, root, run } from "./setup.mjs";

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function ensureChromium() {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((file) => file && existsSync(file));
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error(
      "✗ No chromium found. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  log("Installing Debian's chromium (apt-get)…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return "/usr/bin/chromium";
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

ensureDependencies();
const chromium = ensureChromium();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name) => path.join(root, "node_modules/.bin", name);
rmSync(path.join(root, "test-results"), { recursive: true, force: true });

log("Lint (biome)");
run(bin("biome"), ["check", "."]);
log("Build (next build, which also writes next-env.d.ts)");
run("node", ["node_modules/next/dist/bin/next", "build"]);
log("Typecheck (tsc, including tests and scripts)");
run(bin("tsc"), ["--noEmit"]);

log("Unit and integration tests (vitest)");
const unit = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"],
  {
    cwd: root,
    stdio: "inherit",
  },
);

log("Browser tests (playwright)");
const [appPort, demoPort, doublePort, limitsPort, oidcPort, ssoPort, bedrockPort, vertexPort, foundryPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const e2e = spawnSync(bin("playwright"), ["test"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    CHROMIUM_PATH: chromium,
    E2E_APP_PORT: String(appPort),
    E2E_DEMO_PORT: String(demoPort),
    E2E_DOUBLE_PORT: String(doublePort),
    E2E_LIMITS_PORT: String(limitsPort),
    E2E_OIDC_PORT: String(oidcPort),
    E2E_SSO_PORT: String(ssoPort),
    E2E_BEDROCK_PORT: String(bedrockPort),
    E2E_VERTEX_PORT: String(vertexPort),
    E2E_FOUNDRY_PORT: String(foundryPort),
  },
});

log("Several instances (playwright.scale.config.ts: two instances on PostgreSQL, then with Redis)");
const scale = spawnSync(bin("playwright"), ["test", "-c", "playwright.scale.config.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});

const unitReport = readJson(path.join(root, "test-results/unit.json"));
const e2eReport = readJson(path.join(root, "test-results/e2e.json"));
const scaleReport = readJson(path.join(root, "test-results/scale.json"));
const browserStat = (key) => (e2eReport?.stats?.[key] ?? 0) + (scaleReport?.stats?.[key] ?? 0);
const passed = (unitReport?.numPassedTests ?? 0) + browserStat("expected");
const failed = (unitReport?.numFailedTests ?? 0) + browserStat("unexpected") + browserStat("flaky");
const ok =
  unit.status === 0 &&
  e2e.status === 0 &&
  scale.status === 0 &&
  failed === 0 &&
  unitReport &&
  e2eReport &&
  scaleReport;
console.log(`\nunit: ${unitReport?.numPassedTests ?? 0} passed, ${unitReport?.numFailedTests ?? "?"} failed`);
console.log(
  `browser: ${e2eReport?.stats?.expected ?? 0} passed, ${e2eReport?.stats?.unexpected ?? "?"} failed`,
);
console.log(
  `instances: ${scaleReport?.stats?.expected ?? 0} passed, ${scaleReport?.stats?.unexpected ?? "?"} failed`,
);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
