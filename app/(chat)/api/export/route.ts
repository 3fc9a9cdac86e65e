import { requireUserId } from "@/lib/auth";
import { exportAccount } from "@/lib/db/export";
import { attachmentDisposition } from "@/lib/export/filename";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `GET /api/export`: everything stored for the signed-in user as one JSON download. */
export const GET = route(async () => {
  const userId = await requireUserId();
  const file = await exportAccount(userId);
  return new Response(JSON.stringify(file), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": attachmentDisposition(
        `claude-chat-export-${file.exportedAt.slice(0, 10)}`,
        "json",
      ),
      "cache-control": "no-store",
    },
  });
});
