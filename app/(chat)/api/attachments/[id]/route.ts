import { requireUserId } from "@/lib/auth";
import { findImage } from "@/lib/db/attachments";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

interface Context {
  params: Promise<{ id: string }>;
}

/** The image bytes, only to their owner: another user's image answers exactly like a missing one. */
export const GET = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  const { id } = await params;
  const image = id.length <= 64 ? await findImage(userId, id) : null;
  if (!image) throw new AppError("not_found:attachment", "This image does not exist.");
  return new Response(image.bytes, {
    headers: {
      "Content-Type": image.mediaType,
      "Content-Length": String(image.bytes.length),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      // Ids never change their bytes; "private" keeps shared proxies from storing someone's image.
      "Cache-Control": "private, max-age=31536000, immutable",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
