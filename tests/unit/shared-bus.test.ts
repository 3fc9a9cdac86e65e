// The shared generation bus between two "instances" in one process, joined by an in-memory
// transport: batching per flush, catch-up from saved progress, ordered delivery without gaps or
// duplicates, Stop from elsewhere, and the end of a reply whose owner went silent.
import { afterEach, describe, expect, it } from "vitest";
import type { ContentBlock } from "@/lib/chat/content";
import type { ChatEvent, SequencedEvent } from "@/lib/chat/protocol";
import { type ProgressReader, SharedBus } from "@/lib/scale/shared-bus";
import { MemoryHub } from "@/lib/scale/transports";

type Saved = { status: string; content: ContentBlock[]; progressSeq: number };

const buses: SharedBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.shutdown()));
});

function pair(rows: Map<string, Saved>, maxPayloadBytes = 7900) {
  const hub = new MemoryHub();
  const readProgress: ProgressReader = async (id) => rows.get(id) ?? null;
  const make = (name: string) => {
    const bus = new SharedBus({
      transport: hub.transport(maxPayloadBytes),
      instanceId: name,
      readProgress,
      flushMs: 15,
      checkMs: 50,
    });
    buses.push(bus);
    return bus;
  };
  return { hub, a: make("a"), b: make("b") };
}

const text = (index: number, value: string): ChatEvent => ({ type: "delta", index, text: value });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(5);
  }
}

describe("SharedBus", () => {
  it("catches a follower elsewhere up from the saved progress, then streams live without gaps or duplicates", async () => {
    const rows = new Map<string, Saved>();
    const { a, b, hub } = pair(rows);
    await Promise.all([a.ready, b.ready]);
    a.open("m1", () => {});
    a.publish("m1", { type: "block", index: 0, kind: "text" });
    for (let i = 0; i < 10; i++) a.publish("m1", text(0, `t${i} `));
    // Progress saved at seq 5 (block + t0..t4); events 6..10 exist only on A.
    rows.set("m1", {
      status: "streaming",
      content: [{ type: "text", text: "t0 t1 t2 t3 t4 " }],
      progressSeq: 5,
    });
    const seen: SequencedEvent[] = [];
    let closed = false;
    const unsubscribe = await b.subscribe(
      "m1",
      -1,
      (event) => seen.push(event),
      () => (closed = true),
    );
    expect(unsubscribe).not.toBeNull();
    expect(seen[0]).toEqual({
      seq: 5,
      event: { type: "snapshot", content: [{ type: "text", text: "t0 t1 t2 t3 t4 " }] },
    });
    for (let i = 10; i < 200; i++) a.publish("m1", text(0, `t${i} `));
    await until(() => seen.at(-1)?.seq === 200);
    a.publish("m1", {
      type: "end",
      status: "done",
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd: null,
      requestId: null,
      error: null,
    });
    a.close("m1");
    await until(() => closed);
    const seqs = seen.map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: 197 }, (_, i) => i + 5));
    expect(seen.at(-1)?.event.type).toBe("end");
    // Batched: far fewer channel messages than events (190 published while followed).
    expect(hub.sent.length).toBeLessThan(20);
  });

  it("publishes nothing for a generation nobody elsewhere follows", async () => {
    const { a, hub } = pair(new Map());
    await a.ready;
    a.open("m2", () => {});
    for (let i = 0; i < 50; i++) a.publish("m2", text(0, "x"));
    a.close("m2");
    await sleep(40);
    expect(hub.sent).toHaveLength(0);
  });

  it("fills a gap left by a lost message by asking the owner again", async () => {
    const rows = new Map<string, Saved>([["m3", { status: "streaming", content: [], progressSeq: -1 }]]);
    const { a, b, hub } = pair(rows, 600);
    await Promise.all([a.ready, b.ready]);
    a.open("m3", () => {});
    const seen: number[] = [];
    let eventPayloads = 0;
    // The third payload carrying events never arrives (a fragment of a message: the whole message is lost).
    hub.lose = (payload) => payload.includes("é") && ++eventPayloads === 3;
    await b.subscribe(
      "m3",
      -1,
      ({ seq }) => seen.push(seq),
      () => {},
    );
    // Large events: every flush is fragmented under the 600-byte limit.
    for (let i = 0; i < 30; i++) {
      a.publish("m3", text(0, "é".repeat(100)));
      await sleep(2);
    }
    a.close("m3");
    await until(() => seen.length === 30);
    expect(eventPayloads).toBeGreaterThan(3);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it("stops a generation running on the other instance", async () => {
    const rows = new Map<string, Saved>([["m4", { status: "streaming", content: [], progressSeq: -1 }]]);
    const { a, b } = pair(rows);
    await Promise.all([a.ready, b.ready]);
    let stopped = false;
    a.open("m4", () => (stopped = true));
    expect(await b.stop("m4")).toBe(true);
    await until(() => stopped);
    rows.set("m4", { status: "stopped", content: [], progressSeq: -1 });
    expect(await b.stop("m4")).toBe(false);
    // A reply whose row was just deleted (with its conversation) is stopped without looking it up.
    let deletedStopped = false;
    a.open("m7", () => (deletedStopped = true));
    expect(await b.stop("m7")).toBe(false);
    expect(await b.stop("m7", true)).toBe(true);
    await until(() => deletedStopped);
  });

  it("refuses to follow a reply that is not streaming, and ends followers when their reply stops streaming without word", async () => {
    const rows = new Map<string, Saved>([["m5", { status: "done", content: [], progressSeq: 3 }]]);
    const { b } = pair(rows);
    await b.ready;
    expect(
      await b.subscribe(
        "m5",
        -1,
        () => {},
        () => {},
      ),
    ).toBeNull();
    rows.set("m6", { status: "streaming", content: [{ type: "text", text: "kept" }], progressSeq: 7 });
    let closed = false;
    await b.subscribe(
      "m6",
      -1,
      () => {},
      () => (closed = true),
    );
    rows.set("m6", { status: "error", content: [{ type: "text", text: "kept" }], progressSeq: 7 });
    await until(() => closed);
  });
});
