// Who this process is among several app instances on one database. The id is the host and port
// (which no other live process can hold at once) plus a random part for this run, so a restarted
// instance can recognise the replies of its own earlier run: those cannot be alive any more.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

const globalForInstance = globalThis as unknown as { instanceId?: string };

/**
 * What every run of this instance (this host, this port) has in common: its ids start with it.
 * PORT is the port actually listened on: `next start` sets it before the app's code loads.
 */
export function instancePrefix(): string {
  const name = process.env.INSTANCE_NAME || `${hostname()}:${process.env.PORT ?? "3000"}`;
  return `${name}/`;
}

/** This run's id. */
export function instanceId(): string {
  globalForInstance.instanceId ??= `${instancePrefix()}${randomUUID()}`;
  return globalForInstance.instanceId;
}

/** The columns that mark a new reply as generated here, alive now. */
export function generationOwner() {
  return { instanceId: instanceId(), heartbeatAt: new Date() };
}
