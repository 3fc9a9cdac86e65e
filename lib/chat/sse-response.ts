import "server-only";
import { generationBus } from "@/lib/scale/generation-bus";
import { encodeChatEvent } from "./protocol";

const KEEPALIVE_MS = 15_000;

/**
 * An SSE response that follows one reply on the generation bus, replaying events after `afterSeq`.
 * Closing it (tab closed, network lost) only unsubscribes: the generation goes on. Null when the
 * reply is not generating here.
 */
export async function replyEventStream(messageId: string, afterSeq: number): Promise<Response | null> {
  const encoder = new TextEncoder();
  let open = true;
  let unsubscribe: (() => void) | null = null;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const keepalive = setInterval(
    () => open && controller.enqueue(encoder.encode(": keepalive\n\n")),
    KEEPALIVE_MS,
  );
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(keepalive);
    controller.close();
  };
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController; // start() runs synchronously, inside the constructor
    },
    cancel() {
      open = false;
      clearInterval(keepalive);
      unsubscribe?.();
    },
  });
  unsubscribe = await generationBus().subscribe(
    messageId,
    afterSeq,
    (event) => open && controller.enqueue(encoder.encode(encodeChatEvent(event))),
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
