import { startDouble } from "./server";

const handle = await startDouble({ port: Number(process.env.DOUBLE_PORT ?? 0) });
process.stdout.write(`DOUBLE_URL=${handle.url}\n`);

const stop = () => {
  handle.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
