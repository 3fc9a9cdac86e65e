// Starts the built app for browser tests on a fresh, migrated SQLite database.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, run, runForeground } from "../../scripts/setup.mjs";

const file = path.join(tmpdir(), `chat-e2e-${process.env.E2E_DB_NAME ?? "app"}-${process.pid}.db`);
rmSync(file, { force: true });
process.env.DATABASE_URL = `file:${file}`;
run("node", ["scripts/db.mjs", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });
runForeground("node", [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", process.env.PORT]);
