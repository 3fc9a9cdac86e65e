import "server-only";
import { generationBus } from "./bus";
import { encodeChatEvent } from "./protocol";

const KEEPALIVE_MS = 15_000;

/**
 * An SSE response that follows one reply on the generation bus, replaying events after `afterSeq`.
 * Closing it (tab closed, network lost) only unsubscribes: the generation goes on. Null when the
 * reply is not generating here.
 */
export function replyEventStream(messageId: string, afterSeq: number): Response | null {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let missing = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(keepalive);
        controller.close();
      };
      const keepalive = setInterval(
        () => open && controller.enqueue(encoder.encode(": keepalive\n\n")),
        KEEPALIVE_MS,
      );
      const unsubscribe = generationBus.subscribe(
        messageId,
        afterSeq,
        (event) => open && controller.enqueue(encoder.encode(encodeChatEvent(event))),
        close,
      );
      if (!unsubscribe) {
        missing = true;
        close();
        return;
      }
      cleanup = () => {
        open = false;
        clearInterval(keepalive);
        unsubscribe();
      };
    },
    cancel() {
      cleanup();
    },
  });
  if (missing) return null;
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
