import { requireUserId } from "@/lib/auth";
import { findAttachment } from "@/lib/db/attachments";
import { PDF_MEDIA_TYPE, TEXT_MEDIA_TYPE } from "@/lib/documents/limits";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/export/filename";
import { route } from "@/lib/http";

interface Context {
  params: Promise<{ id: string }>;
}

/** How a stored file is shown: images and text in a sandbox; a PDF needs the browser's viewer, which a sandbox blocks. */
function presentation(file: { mediaType: string; name?: string | null }) {
  const disposition = file.name ? contentDisposition("inline", file.name) : "inline";
  if (file.mediaType === PDF_MEDIA_TYPE)
    return { type: PDF_MEDIA_TYPE, disposition, policy: "default-src 'none'; frame-ancestors 'none'" };
  const type = file.mediaType === TEXT_MEDIA_TYPE ? `${TEXT_MEDIA_TYPE}; charset=utf-8` : file.mediaType;
  return { type, disposition, policy: "default-src 'none'; sandbox" };
}

/** The file's bytes, only to their owner: another user's file answers exactly like a missing one. */
export const GET = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  const { id } = await params;
  const file = id.length <= 64 ? await findAttachment(userId, id) : null;
  if (!file) throw new AppError("not_found:attachment", "This file does not exist.");
  const { type, disposition, policy } = presentation(file);
  return new Response(file.bytes, {
    headers: {
      "Content-Type": type,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": disposition,
      "X-Content-Type-Options": "nosniff",
      // Ids never change their bytes; "private" keeps shared proxies from storing someone's file.
      "Cache-Control": "private, max-age=31536000, immutable",
      "Content-Security-Policy": policy,
    },
  });
});
