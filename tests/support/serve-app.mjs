// Starts the built app for browser tests on a fresh, migrated SQLite database. Its log (stdout)
// goes to E2E_SERVER_LOG when set, so that tests can read what the server logged.
import { mkdirSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, run, runForeground } from "../../scripts/setup.mjs";

const file = path.join(tmpdir(), `chat-e2e-${process.env.E2E_DB_NAME ?? "app"}-${process.pid}.db`);
rmSync(file, { force: true });
process.env.DATABASE_URL = `file:${file}`;
run("node", ["scripts/db.mjs", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });
const log = process.env.E2E_SERVER_LOG;
if (log) mkdirSync(path.dirname(log), { recursive: true });
runForeground(
  "node",
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", process.env.PORT],
  log ? { stdio: ["ignore", openSync(log, "w"), "inherit"] } : {},
);
