// Steps shared by `npm run app` and `npm test`: install what is missing, prepare .env, run commands.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, "node_modules/.install-stamp");

export function log(message) {
  console.log(`\x1b[36m▸ ${message}\x1b[0m`);
}

/** Runs a command to completion; exits this process with its status when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
    process.exit(result.status || 1);
  }
}

function installFingerprint() {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/** `npm install` when node_modules is missing or older than package.json / the lockfile. */
export function ensureDependencies() {
  const fingerprint = installFingerprint();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint) return;
  log("Installing dependencies (npm install)…");
  run("npm", ["install", "--no-audit", "--no-fund"]);
  writeFileSync(stampFile, installFingerprint());
}

/** Creates .env with a generated AUTH_SECRET, or adds the secret to an .env that lacks one. */
export function ensureEnvFile() {
  const file = path.join(root, ".env");
  const secretLine = `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Written by npm run app. See README.md, "Configuration".\n${secretLine}`, {
      mode: 0o600,
    });
    log("Created .env with a generated AUTH_SECRET");
  } else if (!/^AUTH_SECRET=./m.test(readFileSync(file, "utf8"))) {
    appendFileSync(file, `\n${secretLine}`);
    log("Added a generated AUTH_SECRET to .env");
  }
  process.loadEnvFile(file);
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a long-running command and forwards Ctrl-C / SIGTERM to it. */
export function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
