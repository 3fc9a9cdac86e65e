// Database tooling that works offline with Prisma's JavaScript schema engine.
//   node scripts/db.mjs generate            derive the PostgreSQL schema and generate both clients
//   node scripts/db.mjs deploy              apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
//   node scripts/db.mjs new-migration NAME  write a migration for both providers from the schema change
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const postgresSchema = path.join(root, "prisma/postgres/schema.prisma");
const snapshotDir = path.join(root, "prisma/snapshots");
const prismaBin = path.join(root, "node_modules/.bin/prisma");
const DUMMY_URL = { sqlite: "file:./data/app.db", postgres: "postgresql://postgres@127.0.0.1:5432/postgres" };

export function toPostgresSchema(source) {
  return `// GENERATED from prisma/schema.prisma by scripts/db.mjs — do not edit.\n${source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace("../lib/generated/prisma/sqlite", "../../lib/generated/prisma/postgres")}`;
}

function prisma(args, databaseUrl, { capture = false } = {}) {
  if (databaseUrl.startsWith("file:")) {
    // The SQLite driver cannot create the folder of its database file.
    mkdirSync(path.dirname(path.resolve(root, databaseUrl.slice("file:".length))), { recursive: true });
  }
  const result = spawnSync(prismaBin, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    console.error(`prisma ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

function writePostgresSchema() {
  mkdirSync(path.dirname(postgresSchema), { recursive: true });
  writeFileSync(postgresSchema, toPostgresSchema(readFileSync(sqliteSchema, "utf8")));
}

function generate() {
  writePostgresSchema();
  prisma(["generate", "--schema", sqliteSchema], DUMMY_URL.sqlite);
  prisma(["generate", "--schema", postgresSchema], DUMMY_URL.postgres);
}

function deploy() {
  prisma(["migrate", "deploy"], process.env.DATABASE_URL || DUMMY_URL.sqlite);
}

function newMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: node scripts/db.mjs new-migration snake_case_name");
    process.exit(2);
  }
  writePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  mkdirSync(snapshotDir, { recursive: true });
  for (const provider of ["sqlite", "postgres"]) {
    const current = provider === "sqlite" ? sqliteSchema : postgresSchema;
    const snapshot = path.join(snapshotDir, `${provider}.prisma`);
    const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = prisma(
      ["migrate", "diff", ...from, "--to-schema-datamodel", current, "--script"],
      DUMMY_URL[provider],
      { capture: true },
    );
    const dir = path.join(root, "prisma/migrations", provider, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(root, "prisma/migrations", provider, "migration_lock.toml");
    if (!existsSync(lock)) {
      const label = provider === "sqlite" ? "sqlite" : "postgresql";
      writeFileSync(lock, `# Written by scripts/db.mjs\nprovider = "${label}"\n`);
    }
    writeFileSync(snapshot, readFileSync(current, "utf8"));
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

const [command, arg] = process.argv.slice(2);
if (import.meta.main !== false) {
  if (command === "generate") generate();
  else if (command === "deploy") deploy();
  else if (command === "new-migration") newMigration(arg);
  else if (command !== undefined) {
    console.error(`unknown command ${command}`);
    process.exit(2);
  }
}
