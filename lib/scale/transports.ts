// The one channel every app instance publishes to and listens on: Redis pub/sub or PostgreSQL
// LISTEN/NOTIFY. Each sends over a single connection, so one instance's payloads arrive in the
// order they were sent (fragments of a message stay together).
import { Redis } from "ioredis";
import pg from "pg";

export interface Transport {
  /** Largest payload (UTF-8 bytes) one publish may carry. */
  readonly maxPayloadBytes: number;
  /** Sends one payload to every instance (this one included). Payloads go out in call order. */
  publish(payload: string): Promise<void>;
  /** Starts listening; resolves once messages published from then on will arrive. */
  listen(onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export const CHANNEL = "claude_chat_bus";

export class RedisTransport implements Transport {
  readonly maxPayloadBytes = 256 * 1024;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(url: string, channel = CHANNEL) {
    this.channel = channel;
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: false });
  }

  private readonly channel: string;

  async publish(payload: string) {
    await this.publisher.publish(this.channel, payload);
  }

  async listen(onPayload: (payload: string) => void) {
    this.subscriber.on("message", (channel: string, payload: string) => {
      if (channel === this.channel) onPayload(payload);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close() {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}

/** NOTIFY payloads must stay under 8000 bytes (the server's limit with default settings). */
const NOTIFY_LIMIT = 7900;

export class PostgresTransport implements Transport {
  readonly maxPayloadBytes = NOTIFY_LIMIT;
  private readonly publisher: pg.Client;
  private readonly listener: pg.Client;
  private ready: Promise<unknown>;

  constructor(
    connectionString: string,
    private readonly channel = CHANNEL,
  ) {
    this.publisher = new pg.Client({ connectionString });
    this.listener = new pg.Client({ connectionString });
    // A lost connection must not crash the process; the bus then only loses its cross-instance part.
    this.publisher.on("error", () => {});
    this.listener.on("error", () => {});
    this.ready = this.publisher.connect();
  }

  async publish(payload: string) {
    await this.ready;
    // Queries on one client run in order, so payloads arrive in the order they were sent.
    await this.publisher.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
  }

  async listen(onPayload: (payload: string) => void) {
    await this.listener.connect();
    this.listener.on("notification", (notification) => {
      if (notification.channel === this.channel && notification.payload !== undefined)
        onPayload(notification.payload);
    });
    await this.listener.query(`LISTEN ${this.channel}`);
  }

  async close() {
    await Promise.allSettled([this.publisher.end(), this.listener.end()]);
  }
}

/** Transports joined in memory, for tests of several buses in one process. */
export class MemoryHub {
  private readonly listeners = new Set<(payload: string) => void>();
  readonly sent: string[] = [];
  /** Payloads it returns true for are lost on the way (to test recovery from a gap). */
  lose: (payload: string) => boolean = () => false;

  transport(maxPayloadBytes = NOTIFY_LIMIT): Transport {
    const hub = this;
    let mine: ((payload: string) => void) | null = null;
    return {
      maxPayloadBytes,
      async publish(payload) {
        hub.sent.push(payload);
        if (hub.lose(payload)) return;
        for (const listener of hub.listeners) queueMicrotask(() => listener(payload));
      },
      async listen(onPayload) {
        mine = onPayload;
        hub.listeners.add(onPayload);
      },
      async close() {
        if (mine) hub.listeners.delete(mine);
      },
    };
  }
}
