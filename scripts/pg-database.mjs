// Creates or drops a PostgreSQL database (used by .ci/run for a fresh database per run).
//   node scripts/pg-database.mjs create|drop NAME   (server: PGHOST/PGPORT/PGUSER or 127.0.0.1:5432 postgres)
import pg from "pg";

const [action, name] = process.argv.slice(2);
if (!["create", "drop"].includes(action) || !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("usage: node scripts/pg-database.mjs create|drop name_in_snake_case");
  process.exit(2);
}
const client = new pg.Client({
  host: process.env.PGHOST ?? "127.0.0.1",
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? "postgres",
  database: "postgres",
});
await client.connect();
await client.query(
  action === "create" ? `CREATE DATABASE "${name}"` : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
);
await client.end();
console.log(`${action === "create" ? "created" : "dropped"} database ${name}`);
