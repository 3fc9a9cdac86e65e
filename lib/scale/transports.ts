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
  private publisher: Promise<pg.Client> | null = null;
  private listener: pg.Client | null = null;
  private onPayload: ((payload: string) => void) | null = null;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel = CHANNEL,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error("invalid channel name");
  }

  async publish(payload: string) {
    const client = await this.publisherClient();
    await client.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
  }

  async listen(onPayload: (payload: string) => void) {
    this.onPayload = onPayload;
    await this.connectListener();
  }

  async close() {
    this.closed = true;
    const publisher = await this.publisher?.catch(() => null);
    await Promise.allSettled([publisher?.end(), this.listener?.end()]);
  }

  /** One connection for every publish, so payloads arrive in order; a broken one is replaced. */
  private publisherClient(): Promise<pg.Client> {
    if (this.publisher) return this.publisher;
    const client = new pg.Client({ connectionString: this.connectionString });
    const forget = () => {
      if (this.publisher === connecting) this.publisher = null;
    };
    client.on("error", forget);
    client.on("end", forget);
    const connecting = client.connect().then(
      () => client,
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.publisher = connecting;
    return connecting;
  }

  /** Listens on a connection of its own; when it breaks, listens again a second later. */
  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    let retried = false;
    const retry = () => {
      if (retried || this.closed) return;
      retried = true;
      if (this.listener === client) this.listener = null;
      setTimeout(() => void this.connectListener().catch(() => {}), 1000).unref?.();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (notification) => {
      if (notification.channel === this.channel && notification.payload !== undefined)
        this.onPayload?.(notification.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.listener = client;
    } catch (error) {
      retry();
      throw error;
    }
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
