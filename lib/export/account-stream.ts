// "Export all my data" as a stream: the same JSON as `JSON.stringify(accountFile)`, written piece by
// piece (a page of conversations, then one attachment at a time) and only as fast as it is read, so
// the server never holds more than one attachment's bytes of it.
import type { AccountFile, ExportedAttachment, ExportedConversation } from "./schema";

export type AccountHead = Omit<AccountFile, "conversations" | "attachments">;

export interface AccountExportSource {
  /** The small part, in the file's key order: format, version, exportedAt, user, settings, presets. */
  head: AccountHead;
  /** The conversations in export order, a page at a time. */
  conversations(): AsyncIterable<ExportedConversation[]>;
  /** The attachments in export order, each loaded only when the stream gets to it (null: gone since). */
  attachmentIds: readonly string[];
  attachment(id: string): Promise<ExportedAttachment | null>;
}

/** The file's JSON text in pieces; their concatenation is `JSON.stringify` of the whole file. */
export async function* accountJsonPieces(source: AccountExportSource): AsyncGenerator<string> {
  const head = JSON.stringify(source.head);
  yield `${head.slice(0, -1)},"conversations":[`;
  let separator = "";
  for await (const page of source.conversations()) {
    if (page.length === 0) continue;
    yield separator + page.map((conversation) => JSON.stringify(conversation)).join(",");
    separator = ",";
  }
  yield '],"attachments":[';
  separator = "";
  for (const id of source.attachmentIds) {
    const attachment = await source.attachment(id);
    if (!attachment) continue;
    yield separator + JSON.stringify(attachment);
    separator = ",";
  }
  yield "]}";
}

/**
 * A byte stream of `pieces` that asks for the next piece only when its reader wants more (high-water
 * mark 0: nothing is read ahead), and stops the pieces when the download is cancelled.
 */
export function pullStream(pieces: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await pieces.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await pieces.return?.(undefined);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 0 }),
  );
}

export function accountExportStream(source: AccountExportSource): ReadableStream<Uint8Array> {
  return pullStream(accountJsonPieces(source));
}
