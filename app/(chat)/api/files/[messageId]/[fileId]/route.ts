import { requireUserId } from "@/lib/auth";
import { parseContent } from "@/lib/chat/content";
import { findOwnedMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import { fileIdsIn, safeFileName } from "@/lib/files/produced";
import { route } from "@/lib/http";
import { anthropic } from "@/lib/model/client";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ messageId: string; fileId: string }>;
}

const notFound = () => new AppError("not_found:file", "This file does not exist or is no longer available.");

/**
 * Downloads a file that code execution produced in one of the user's replies, proxied from the
 * Files API: the browser never sees the API key, and a file id is served only with its message.
 */
export const GET = route(async (_request, { params }: Context) => {
  const { messageId, fileId } = await params;
  const userId = await requireUserId();
  const message = await findOwnedMessage(messageId, userId);
  if (!message || !fileIdsIn(parseContent(message.content)).has(fileId)) throw notFound();
  const files = (await anthropic()).files;
  let metadata: Awaited<ReturnType<typeof files.retrieveMetadata>>;
  let upstream: Response;
  try {
    [metadata, upstream] = await Promise.all([files.retrieveMetadata(fileId), files.download(fileId)]);
  } catch {
    throw notFound();
  }
  const name = safeFileName(metadata.filename);
  return new Response(upstream.body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
