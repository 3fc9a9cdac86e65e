// The hand-off between a reply's generator and its listeners (the browser request that started
// it, a reloaded page, a second tab). One process needs only memory; a PostgreSQL LISTEN/NOTIFY or
// Redis implementation of `GenerationBus` can carry the same calls across instances.
import type { ChatEvent, SequencedEvent } from "./protocol";

export type Listener = (event: SequencedEvent) => void;

export interface GenerationBus {
  /** Registers a running generation; `onStop` aborts it. */
  open(id: string, onStop: () => void): void;
  publish(id: string, event: ChatEvent): void;
  /** Marks the generation finished; late subscribers still get its events for a grace period. */
  close(id: string): void;
  /** Replays events with seq > `afterSeq`, then follows live ones. Null when `id` is unknown here. */
  subscribe(id: string, afterSeq: number, listener: Listener, onClose: () => void): (() => void) | null;
  /** Asks the generator to stop. False when it is not running here. */
  stop(id: string): boolean;
}

interface Channel {
  events: SequencedEvent[];
  listeners: Set<{ listener: Listener; onClose: () => void }>;
  onStop: () => void;
  closed: boolean;
}

const KEEP_AFTER_CLOSE_MS = 60_000;

export class InProcessBus implements GenerationBus {
  private readonly channels = new Map<string, Channel>();

  open(id: string, onStop: () => void) {
    this.channels.set(id, { events: [], listeners: new Set(), onStop, closed: false });
  }

  publish(id: string, event: ChatEvent) {
    const channel = this.channels.get(id);
    if (!channel || channel.closed) return;
    const sequenced = { seq: channel.events.length, event };
    channel.events.push(sequenced);
    for (const { listener } of channel.listeners) listener(sequenced);
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

const globalForBus = globalThis as unknown as { generationBus?: GenerationBus };
export const generationBus: GenerationBus = globalForBus.generationBus ?? new InProcessBus();
globalForBus.generationBus = generationBus;
