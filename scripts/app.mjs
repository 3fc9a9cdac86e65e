// `npm run app`: install if needed, prepare .env and the database, build, and serve.
import { ensureDependencies, ensureEnvFile, log, run, runForeground } from "./setup.mjs";

ensureDependencies();
ensureEnvFile();
const port = process.env.PORT || "3000";
log(`Database: ${process.env.DATABASE_URL?.split(":")[0] ?? "file"} — applying migrations`);
run("node", ["scripts/db.mjs", "deploy"]);
log("Building (next build)…");
run("node", ["node_modules/next/dist/bin/next", "build"]);
log(`Serving on http://localhost:${port}`);
runForeground("node", ["node_modules/next/dist/bin/next", "start", "-p", port]);
