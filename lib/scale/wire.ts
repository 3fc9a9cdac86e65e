// What instances say to each other on the shared channel, and how it fits the transport: one
// message carries every generation's pending events of a flush (never one message per token), and
// a message longer than the transport allows (PostgreSQL NOTIFY: under 8000 bytes) goes out in
// fragments, cut between UTF-8 characters and joined again by the receiver.
import { z } from "zod";
import type { SequencedEvent } from "@/lib/chat/protocol";

export type BusItem =
  /** Events of a generation, in order. */
  | { k: "events"; id: string; events: SequencedEvent[] }
  /** The generation ended; `last` is its last event's seq. */
  | { k: "closed"; id: string; last: number }
  /** Stop the generation, wherever it runs. */
  | { k: "stop"; id: string }
  /** Someone elsewhere follows the generation: send its events after `after`, then live ones. */
  | { k: "follow"; id: string; after: number };

export interface BusMessage {
  /** The sending instance (a transport also delivers one's own messages back). */
  from: string;
  items: BusItem[];
}

const id = z.string().min(1).max(100);
const busMessage = z.object({
  from: z.string().max(300),
  items: z.array(
    z.discriminatedUnion("k", [
      z.object({
        k: z.literal("events"),
        id,
        events: z.array(
          z.object({ seq: z.number().int().min(0), event: z.object({ type: z.string() }).loose() }),
        ),
      }),
      z.object({ k: z.literal("closed"), id, last: z.number().int().min(-1) }),
      z.object({ k: z.literal("stop"), id }),
      z.object({ k: z.literal("follow"), id, after: z.number().int().min(-1) }),
    ]),
  ),
});

const FRAGMENT = "~";

/** Payloads for one message, each at most `maxBytes` UTF-8 bytes. */
export function encodeMessage(message: BusMessage, maxBytes: number, fragmentId: () => string): string[] {
  const json = JSON.stringify(message);
  const bytes = Buffer.from(json, "utf8");
  if (bytes.length <= maxBytes) return [json];
  const key = fragmentId();
  // Header "~key,index,count," — count has at most as many digits as the worst case below.
  const room = maxBytes - (FRAGMENT.length + key.length + 24);
  if (room < 64) throw new Error("transport payload limit too small");
  const pieces: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + room);
    // Never cut inside a character: back off over UTF-8 continuation bytes (10xxxxxx).
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    pieces.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return pieces.map((piece, index) => `${FRAGMENT}${key},${index},${pieces.length},${piece}`);
}

/** Joins fragments (from one sender they arrive in order) and checks complete messages. */
export class MessageDecoder {
  private readonly partial = new Map<string, { parts: string[]; count: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The message a payload completes, or null (a fragment, or something malformed). */
  push(payload: string): BusMessage | null {
    if (!payload.startsWith(FRAGMENT)) return parse(payload);
    const match = /^~([^,]{1,64}),(\d{1,6}),(\d{1,6}),/.exec(payload);
    if (!match) return null;
    const [header, key = "", indexText = "", countText = ""] = match;
    const index = Number(indexText);
    const count = Number(countText);
    const entry = this.partial.get(key) ?? { parts: [], count, at: this.now() };
    if (index !== entry.parts.length || count !== entry.count) {
      this.partial.delete(key); // a lost or reordered piece: drop the message (followers re-ask)
      return null;
    }
    entry.parts.push(payload.slice(header.length));
    this.partial.set(key, entry);
    this.forgetStale();
    if (entry.parts.length < count) return null;
    this.partial.delete(key);
    return parse(entry.parts.join(""));
  }

  private forgetStale() {
    const limit = this.now() - 30_000;
    for (const [key, entry] of this.partial) if (entry.at < limit) this.partial.delete(key);
  }
}

function parse(json: string): BusMessage | null {
  try {
    const result = busMessage.safeParse(JSON.parse(json));
    return result.success ? (result.data as BusMessage) : null;
  } catch {
    return null;
  }
}
