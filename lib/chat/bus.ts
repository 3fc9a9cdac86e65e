// The hand-off between a reply's generator and its listeners (the browser request that started
// it, a reloaded page, a second tab). One process needs only memory (InProcessBus); several
// instances share one through PostgreSQL LISTEN/NOTIFY or Redis (lib/scale/shared-bus.ts).
import type { ChatEvent, SequencedEvent } from "./protocol";

export type Listener = (event: SequencedEvent) => void;
type Awaitable<T> = T | Promise<T>;

export interface GenerationBus {
  /** Registers a running generation; `onStop` aborts it. */
  open(id: string, onStop: () => void): void;
  /** Returns the event's sequence number (-1 when the generation is not open). */
  publish(id: string, event: ChatEvent): number;
  /** Marks the generation finished; late subscribers still get its events for a grace period. */
  close(id: string): void;
  /**
   * Replays events with seq > `afterSeq` (or a `snapshot` standing for them), then follows live
   * ones. Null when `id` is not generating.
   */
  subscribe(
    id: string,
    afterSeq: number,
    listener: Listener,
    onClose: () => void,
  ): Awaitable<(() => void) | null>;
  /**
   * Asks the generator to stop. False when it is not running. `known`: the caller knows it was
   * generating (its row was just deleted), so another instance is asked without looking it up.
   */
  stop(id: string, known?: boolean): Awaitable<boolean>;
}

interface Channel {
  events: SequencedEvent[];
  listeners: Set<{ listener: Listener; onClose: () => void }>;
  onStop: () => void;
  closed: boolean;
}

// Long enough for a follower catching up or a tab reconnecting at the end; after it, the saved reply is read.
const KEEP_AFTER_CLOSE_MS = 10_000;

export class InProcessBus implements GenerationBus {
  private readonly channels = new Map<string, Channel>();

  open(id: string, onStop: () => void) {
    this.channels.set(id, { events: [], listeners: new Set(), onStop, closed: false });
  }

  publish(id: string, event: ChatEvent) {
    const channel = this.channels.get(id);
    if (!channel || channel.closed) return -1;
    const sequenced = { seq: channel.events.length, event };
    channel.events.push(sequenced);
    for (const { listener } of channel.listeners) listener(sequenced);
    return sequenced.seq;
  }

  /** Whether `id` was opened here (running, or finished within the grace period). */
  has(id: string): boolean {
    return this.channels.has(id);
  }

  isRunning(id: string): boolean {
    const channel = this.channels.get(id);
    return channel !== undefined && !channel.closed;
  }

  /** The events of a generation opened here with seq > `afterSeq`. */
  eventsAfter(id: string, afterSeq: number): SequencedEvent[] {
    return this.channels.get(id)?.events.slice(afterSeq + 1) ?? [];
  }

  close(id: string) {
    const channel = this.channels.get(id);
    if (!channel) return;
    channel.closed = true;
    for (const { onClose } of channel.listeners) onClose();
    channel.listeners.clear();
    setTimeout(() => this.channels.delete(id), KEEP_AFTER_CLOSE_MS).unref?.();
  }

  subscribe(id: string, afterSeq: number, listener: Listener, onClose: () => void) {
    const channel = this.channels.get(id);
    if (!channel) return null;
    for (const event of channel.events.slice(afterSeq + 1)) listener(event);
    if (channel.closed) {
      onClose();
      return () => {};
    }
    const entry = { listener, onClose };
    channel.listeners.add(entry);
    return () => channel.listeners.delete(entry);
  }

  stop(id: string) {
    const channel = this.channels.get(id);
    if (!channel || channel.closed) return false;
    channel.onStop();
    return true;
  }
}
