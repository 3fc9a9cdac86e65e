// A GenerationBus shared by several app instances over one Transport. Generations run on the
// instance that started them (kept in an InProcessBus there); another instance following one
// starts from its saved progress (a `snapshot` at the saved seq), asks the owner for the events
// after it, and then follows live: events are delivered in seq order, without gaps or duplicates.
// The owner publishes a generation's events only once someone elsewhere follows it, batched over
// every generation per flush (~15 ms). Stop travels the same way.
import { randomUUID } from "node:crypto";
import { type GenerationBus, InProcessBus, type Listener } from "@/lib/chat/bus";
import { type ContentBlock, forBrowser } from "@/lib/chat/content";
import type { ChatEvent, SequencedEvent } from "@/lib/chat/protocol";
import type { Transport } from "./transports";
import { type BusItem, type BusMessage, encodeMessage, MessageDecoder } from "./wire";

/** A reply as saved: where a follower elsewhere starts. Null when there is no such reply. */
export type ProgressReader = (
  id: string,
) => Promise<{ status: string; content: ContentBlock[]; progressSeq: number } | null>;

/** The status of each of these replies that exists. */
export type StatusReader = (ids: string[]) => Promise<Map<string, string>>;

export interface SharedBusOptions {
  transport: Transport;
  instanceId: string;
  readProgress: ProgressReader;
  /** For the periodic check of followed replies (one query for all); default: readProgress per reply. */
  readStatuses?: StatusReader;
  /** How long events wait to be batched. */
  flushMs?: number;
  /** How often a follower re-reads its reply's status (it ends when the reply is no longer streaming). */
  checkMs?: number;
  onError?: (error: unknown) => void;
}

interface Follower {
  lastSeq: number;
  listener: Listener;
  onClose: () => void;
  /** Events that arrived ahead of a gap, by seq. */
  ahead: Map<number, ChatEvent>;
  askedAt: number;
  closed: boolean;
  /** Set once the saved progress is read: until then arriving events are only kept. */
  started: boolean;
}

/** What the owner of a generation sends to followers elsewhere. */
interface Outbox {
  /** The last seq sent. */
  sentSeq: number;
  closed: boolean;
}

export interface BusStats {
  /** Payloads published (transport messages). */
  published: number;
  /** Events carried in them. */
  eventsSent: number;
}

const RE_ASK_MS = 500;

export class SharedBus implements GenerationBus {
  private readonly local = new InProcessBus();
  private readonly outboxes = new Map<string, Outbox>();
  private readonly dirty = new Set<string>();
  private readonly followers = new Map<string, Set<Follower>>();
  private readonly decoder = new MessageDecoder();
  private readonly pendingItems: BusItem[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> = Promise.resolve();
  private readonly checkTimer: ReturnType<typeof setInterval>;
  readonly stats: BusStats = { published: 0, eventsSent: 0 };
  readonly ready: Promise<void>;

  constructor(private readonly options: SharedBusOptions) {
    // A transport that cannot listen yet keeps trying by itself; meanwhile this instance works alone.
    this.ready = options.transport
      .listen((payload) => this.receive(payload))
      .catch(options.onError ?? (() => {}));
    this.checkTimer = setInterval(() => void this.checkFollowed(), options.checkMs ?? 1000);
    this.checkTimer.unref?.();
  }

  open(id: string, onStop: () => void) {
    this.local.open(id, onStop);
  }

  publish(id: string, event: ChatEvent) {
    const seq = this.local.publish(id, event);
    if (seq >= 0 && this.outboxes.has(id)) this.markDirty(id);
    return seq;
  }

  close(id: string) {
    this.local.close(id);
    const outbox = this.outboxes.get(id);
    if (outbox) {
      outbox.closed = true;
      this.markDirty(id);
    }
  }

  async subscribe(id: string, afterSeq: number, listener: Listener, onClose: () => void) {
    if (this.local.has(id)) return this.local.subscribe(id, afterSeq, listener, onClose);
    await this.ready;
    const follower: Follower = {
      lastSeq: afterSeq,
      listener,
      onClose,
      ahead: new Map(),
      askedAt: 0,
      closed: false,
      started: false,
    };
    // Listen before reading the saved progress, so nothing published after that read is missed.
    const set = this.followers.get(id) ?? new Set();
    set.add(follower);
    this.followers.set(id, set);
    const unsubscribe = () => this.unfollow(id, follower);
    const saved = await this.options.readProgress(id).catch(() => null);
    if (saved?.status !== "streaming") {
      unsubscribe();
      // It may have just been opened here (a race with our own start) or finished: the local view decides.
      return this.local.has(id) ? this.local.subscribe(id, afterSeq, listener, onClose) : null;
    }
    if (afterSeq < saved.progressSeq) {
      follower.lastSeq = saved.progressSeq;
      listener({
        seq: saved.progressSeq,
        event: { type: "snapshot", content: saved.content.map(forBrowser) },
      });
    }
    follower.started = true;
    this.drainAhead(follower);
    this.ask(id, follower);
    return unsubscribe;
  }

  async stop(id: string, known = false) {
    if (this.local.isRunning(id)) return this.local.stop(id);
    if (this.local.has(id)) return false;
    if (!known) {
      const saved = await this.options.readProgress(id).catch(() => null);
      if (saved?.status !== "streaming") return false;
    }
    this.send({ k: "stop", id });
    return true;
  }

  async shutdown() {
    clearInterval(this.checkTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flush();
    await this.sending;
    await this.options.transport.close();
  }

  private markDirty(id: string) {
    this.dirty.add(id);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushMs ?? 15);
  }

  /** Sends a control item now (with whatever events are pending). */
  private send(item: BusItem) {
    this.pendingItems.push(item);
    this.flush();
  }

  private flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const items = this.pendingItems.splice(0);
    for (const id of this.dirty) {
      const outbox = this.outboxes.get(id);
      if (!outbox) continue;
      const events = this.local.eventsAfter(id, outbox.sentSeq);
      if (events.length > 0) {
        items.push({ k: "events", id, events });
        outbox.sentSeq = events.at(-1)!.seq;
        this.stats.eventsSent += events.length;
      }
      if (outbox.closed) {
        items.push({ k: "closed", id, last: outbox.sentSeq });
        this.outboxes.delete(id);
      }
    }
    this.dirty.clear();
    if (items.length === 0) return;
    const message: BusMessage = { from: this.options.instanceId, items };
    const { transport } = this.options;
    const payloads = encodeMessage(message, transport.maxPayloadBytes, () => randomUUID().slice(0, 8));
    this.stats.published += payloads.length;
    for (const payload of payloads) {
      this.sending = this.sending
        .then(() => transport.publish(payload))
        .catch(this.options.onError ?? (() => {}));
    }
  }

  private receive(payload: string) {
    const message = this.decoder.push(payload);
    if (!message || message.from === this.options.instanceId) return;
    for (const item of message.items) {
      if (item.k === "events") this.deliver(item.id, item.events);
      else if (item.k === "closed") this.ended(item.id, item.last);
      else if (item.k === "stop") {
        if (this.local.isRunning(item.id)) this.local.stop(item.id);
      } else if (item.k === "follow") this.followed(item.id, item.after);
    }
  }

  /** A follower elsewhere asks for events after `after` of a generation that may be ours. */
  private followed(id: string, after: number) {
    if (!this.local.has(id)) return;
    const outbox = this.outboxes.get(id);
    if (outbox) outbox.sentSeq = Math.min(outbox.sentSeq, after);
    else this.outboxes.set(id, { sentSeq: after, closed: !this.local.isRunning(id) });
    this.markDirty(id);
  }

  private deliver(id: string, events: SequencedEvent[]) {
    const set = this.followers.get(id);
    if (!set) return;
    for (const follower of set) {
      for (const { seq, event } of events) if (seq > follower.lastSeq) follower.ahead.set(seq, event);
      if (!follower.started) continue;
      this.drainAhead(follower);
      if (follower.ahead.size > 0) this.ask(id, follower);
    }
  }

  private drainAhead(follower: Follower) {
    for (
      let next = follower.ahead.get(follower.lastSeq + 1);
      next;
      next = follower.ahead.get(follower.lastSeq + 1)
    ) {
      follower.ahead.delete(follower.lastSeq + 1);
      follower.lastSeq += 1;
      follower.listener({ seq: follower.lastSeq, event: next });
    }
    for (const seq of follower.ahead.keys()) if (seq <= follower.lastSeq) follower.ahead.delete(seq);
  }

  /** Asks the owner (whoever it is) for the events after what this follower has. */
  private ask(id: string, follower: Follower, urgent = false) {
    const now = Date.now();
    if (!urgent && now - follower.askedAt < RE_ASK_MS) return;
    follower.askedAt = now;
    this.send({ k: "follow", id, after: follower.lastSeq });
  }

  private ended(id: string, last: number) {
    for (const follower of this.followers.get(id) ?? []) {
      if (!follower.started) continue;
      // Events still missing: ask again (the owner keeps them for a while after the end).
      if (follower.lastSeq < last) this.ask(id, follower, true);
      else this.finish(id, follower);
    }
  }

  private finish(id: string, follower: Follower) {
    if (follower.closed) return;
    follower.closed = true;
    this.unfollow(id, follower);
    follower.onClose();
  }

  private unfollow(id: string, follower: Follower) {
    const set = this.followers.get(id);
    set?.delete(follower);
    if (set?.size === 0) this.followers.delete(id);
  }

  /** Followers of replies that ended without word (their instance died, a lost message) are closed. */
  private async checkFollowed() {
    const ids = [...this.followers.keys()];
    if (ids.length === 0) return;
    const statuses = await this.readStatuses(ids).catch(() => null);
    if (!statuses) return;
    for (const id of ids) {
      const set = this.followers.get(id);
      if (!set) continue;
      if (statuses.get(id) === "streaming") {
        for (const follower of set) if (follower.ahead.size > 0) this.ask(id, follower);
        continue;
      }
      for (const follower of [...set]) this.finish(id, follower);
    }
  }

  private async readStatuses(ids: string[]): Promise<Map<string, string>> {
    if (this.options.readStatuses) return this.options.readStatuses(ids);
    const rows = await Promise.all(ids.map((id) => this.options.readProgress(id)));
    return new Map(ids.flatMap((id, i) => (rows[i] ? [[id, rows[i].status] as const] : [])));
  }
}
