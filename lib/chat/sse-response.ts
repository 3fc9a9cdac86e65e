import "server-only";
import { generationBus } from "@/lib/scale/generation-bus";
import { encodedChatEvent, type SequencedEvent } from "./protocol";

const KEEPALIVE_MS = 15_000;

/**
 * Writes the first event of a turn of the event loop at once (no added latency) and collects the
 * rest of that turn into one chunk: under load a reply's deltas arrive in bursts, and every write
 * costs a trip through the response's web stream and a socket write.
 */
class CoalescingWriter {
  private readonly encoder = new TextEncoder();
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly controller: ReadableStreamDefaultController<Uint8Array>) {}

  write(event: SequencedEvent) {
    this.pending.push(encodedChatEvent(event));
    if (this.scheduled) return;
    this.flush();
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is pending now (also before the stream closes). */
  flush() {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join("");
    this.pending = [];
    try {
      this.controller.enqueue(this.encoder.encode(text));
    } catch {
      // the stream was closed or cancelled meanwhile: nobody reads it any more
    }
  }

  drop() {
    this.pending = [];
  }
}

/**
 * An SSE response that follows one reply on the generation bus, replaying events after `afterSeq`.
 * Closing it (tab closed, network lost) only unsubscribes: the generation goes on. Null when the
 * reply is not generating here.
 */
export async function replyEventStream(messageId: string, afterSeq: number): Promise<Response | null> {
  let open = true;
  let unsubscribe: (() => void) | null = null;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let writer!: CoalescingWriter;
  const keepalive = setInterval(
    () => open && controller.enqueue(new TextEncoder().encode(": keepalive\n\n")),
    KEEPALIVE_MS,
  );
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(keepalive);
    writer.flush();
    controller.close();
  };
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController; // start() runs synchronously, inside the constructor
      writer = new CoalescingWriter(streamController);
    },
    cancel() {
      open = false;
      clearInterval(keepalive);
      writer.drop();
      unsubscribe?.();
    },
  });
  unsubscribe = await generationBus().subscribe(
    messageId,
    afterSeq,
    (event) => open && writer.write(event),
    close,
  );
  if (!unsubscribe) {
    close();
    return null;
  }
  if (!open) unsubscribe(); // it ended while subscribing
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
