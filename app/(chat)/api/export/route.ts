import { requireUserId } from "@/lib/auth";
import { exportAccountStream } from "@/lib/db/export";
import { attachmentDisposition } from "@/lib/export/filename";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/export`: everything stored for the signed-in user as one JSON download, streamed. */
export const GET = route(async () => {
  const userId = await requireUserId();
  const exportedAt = new Date();
  const body = await exportAccountStream(userId, exportedAt);
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": attachmentDisposition(
        `claude-chat-export-${exportedAt.toISOString().slice(0, 10)}`,
        "json",
      ),
      "cache-control": "no-store",
    },
  });
});
