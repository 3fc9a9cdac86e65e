// The shared generation bus over real PostgreSQL LISTEN/NOTIFY and real Redis pub/sub: two buses
// (two "instances") on one channel, a follower catching up from saved progress and following live,
// a payload far over NOTIFY's 8000-byte limit, and Stop from the other instance.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContentBlock } from "@/lib/chat/content";
import type { SequencedEvent } from "@/lib/chat/protocol";
import { SharedBus } from "@/lib/scale/shared-bus";
import { PostgresTransport, RedisTransport, type Transport } from "@/lib/scale/transports";
import { createDatabase, dropDatabase, redisUrl, runName } from "./support";

type Saved = { status: string; content: ContentBlock[]; progressSeq: number };

let databaseUrl = "";
beforeAll(async () => {
  databaseUrl = await createDatabase();
});
afterAll(async () => {
  await dropDatabase();
});

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const transports: Record<string, () => Transport> = {
  "PostgreSQL LISTEN/NOTIFY": () => new PostgresTransport(databaseUrl, `${runName}_bus`),
  "Redis pub/sub": () => new RedisTransport(redisUrl, `${runName}:bus`),
};

describe.each(Object.keys(transports))("SharedBus over %s", (name) => {
  it("follows a reply from another instance without gaps or duplicates, carries big events, and stops it", async () => {
    const rows = new Map<string, Saved>();
    const make = (id: string) =>
      new SharedBus({
        transport: transports[name]!(),
        instanceId: id,
        readProgress: async (reply) => rows.get(reply) ?? null,
      });
    const a = make("a");
    const b = make("b");
    try {
      await Promise.all([a.ready, b.ready]);
      let stopped = false;
      a.open("r1", () => (stopped = true));
      a.publish("r1", { type: "block", index: 0, kind: "text" });
      for (let i = 0; i < 20; i++) a.publish("r1", { type: "delta", index: 0, text: `${i} ` });
      rows.set("r1", { status: "streaming", content: [{ type: "text", text: "0 1 2 " }], progressSeq: 3 });

      const seen: SequencedEvent[] = [];
      let closed = false;
      const unsubscribe = await b.subscribe(
        "r1",
        -1,
        (event) => seen.push(event),
        () => (closed = true),
      );
      expect(unsubscribe).not.toBeNull();
      expect(seen[0]?.event).toEqual({ type: "snapshot", content: [{ type: "text", text: "0 1 2 " }] });

      const big = "ü".repeat(12_000); // 24 kB of UTF-8: several NOTIFY payloads
      for (let i = 20; i < 300; i++)
        a.publish("r1", { type: "delta", index: 0, text: i === 150 ? big : `${i} ` });
      await until(() => seen.at(-1)?.seq === 300);
      expect(seen.map((event) => event.seq)).toEqual(Array.from({ length: 298 }, (_, i) => i + 3));
      expect(seen.find((event) => event.seq === 151)?.event).toEqual({ type: "delta", index: 0, text: big });
      expect(a.stats.published).toBeLessThan(100); // batched: not one message per event

      expect(await b.stop("r1")).toBe(true);
      await until(() => stopped);
      a.close("r1");
      await until(() => closed);
    } finally {
      await Promise.all([a.shutdown(), b.shutdown()]);
    }
  });
});

describe("PostgresTransport", () => {
  it("listens again after its connection is cut", async () => {
    const channel = `${runName}_reconnect`;
    const listener = new PostgresTransport(databaseUrl, channel);
    const sender = new PostgresTransport(databaseUrl, channel);
    const received: string[] = [];
    try {
      await listener.listen((payload) => received.push(payload));
      await sender.publish("one");
      await until(() => received.includes("one"));
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
      );
      await admin.end();
      // Sent again until it arrives: what is sent while the listener reconnects is lost.
      const deadline = Date.now() + 10_000;
      while (!received.includes("two")) {
        if (Date.now() > deadline) throw new Error("not listening again");
        await sender.publish("two");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all([listener.close(), sender.close()]);
    }
  });
});
