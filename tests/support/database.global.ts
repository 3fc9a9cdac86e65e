// Gives the run a fresh, migrated database: SQLite in a temp folder, or the PostgreSQL database
// named by TEST_DATABASE_URL (which .ci/run creates and drops).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default function setup(project: TestProject) {
  const tempDir = mkdtempSync(path.join(tmpdir(), "chat-db-"));
  const url = process.env.TEST_DATABASE_URL || `file:${path.join(tempDir, "test.db")}`;
  execFileSync("node", ["scripts/db.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  project.provide("databaseUrl", url);
  return () => rmSync(tempDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
