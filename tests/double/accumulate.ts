import type { SseEvent } from "./sse";

type Obj = Record<string, unknown>;

export type Accumulated = { message: Obj } | { error: Obj };

/** Builds the final Message from stream events, the way a non-streaming request would return it. */
export function accumulate(events: SseEvent[]): Accumulated {
  let message: Obj = {};
  const partialJson = new Map<number, string>();
  const blocks = (): Obj[] => message.content as Obj[];

  for (const { data } of events) {
    const e = data as Obj;
    const index = e.index as number;
    switch (e.type) {
      case "message_start":
        message = structuredClone(e.message as Obj);
        break;
      case "content_block_start":
        blocks()[index] = structuredClone(e.content_block as Obj);
        break;
      case "content_block_delta": {
        const block = blocks()[index];
        const delta = e.delta as Obj;
        if (!block) break;
        if (delta.type === "text_delta") block.text = `${block.text ?? ""}${delta.text}`;
        else if (delta.type === "thinking_delta") block.thinking = `${block.thinking ?? ""}${delta.thinking}`;
        else if (delta.type === "signature_delta") block.signature = delta.signature;
        else if (delta.type === "input_json_delta")
          partialJson.set(index, (partialJson.get(index) ?? "") + delta.partial_json);
        else if (delta.type === "citations_delta")
          block.citations = [...((block.citations as unknown[]) ?? []), delta.citation];
        break;
      }
      case "content_block_stop":
        finishJson(blocks()[index], partialJson.get(index));
        partialJson.delete(index);
        break;
      case "message_delta":
        Object.assign(message, e.delta);
        message.usage = { ...(message.usage as Obj), ...(e.usage as Obj) };
        break;
      case "error":
        return { error: e };
    }
  }
  // A stream cut short by max_tokens may never stop its last block.
  for (const [index, json] of partialJson) finishJson(blocks()[index], json);
  return { message };
}

function finishJson(block: Obj | undefined, json: string | undefined): void {
  if (!block || json === undefined) return;
  try {
    block.input = json === "" ? {} : JSON.parse(json);
  } catch {
    block.input = {};
  }
}
