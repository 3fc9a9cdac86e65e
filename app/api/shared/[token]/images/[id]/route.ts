import { findSharedImage } from "@/lib/db/shares";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { idSchema } from "@/lib/id-schema";
import { isImageMediaType } from "@/lib/images/limits";
import { shareTokenSchema } from "@/lib/share/token";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ token: string; id: string }>;
}

/**
 * `GET /api/shared/<token>/images/<id>`: an image of a shared conversation, to anyone holding the
 * link, only while the share exists, includes images and shows this one.
 */
export const GET = route(async (_request, { params }: Context) => {
  const { token, id } = await params;
  const valid = shareTokenSchema.safeParse(token).success && idSchema.safeParse(id).success;
  const image = valid ? await findSharedImage(token, id) : null;
  if (!image || !isImageMediaType(image.mediaType))
    throw new AppError("not_found:attachment", "This file does not exist.");
  return new Response(image.bytes, {
    headers: {
      "Content-Type": image.mediaType,
      "Content-Length": String(image.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex, nofollow",
      // Revoking must take effect at once: nothing may keep a copy.
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
