import { requireUserId } from "@/lib/auth";
import { saveImage } from "@/lib/db/attachments";
import { AppError } from "@/lib/errors";
import { readBodyCapped, route } from "@/lib/http";
import { decodeImage } from "@/lib/images/decode";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "@/lib/images/limits";
import { estimateImageTokens } from "@/lib/images/resize";
import type { ImageCheck } from "@/lib/images/validate";
import { enforceRateLimit } from "@/lib/limits/policies";
import { assertStorageRoom } from "@/lib/limits/storage";

// Room for the multipart boundary and part headers around the one file.
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 16 * 1024;
const ACCEPTED = "Send a JPEG, PNG, GIF or WebP image.";

const tooLarge = () =>
  new AppError("payload_too_large:input", `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);

function rejection(check: Extract<ImageCheck, { ok: false }>): AppError {
  switch (check.problem) {
    case "empty":
      return new AppError("bad_request:input", "The file is empty.");
    case "too_large":
      return tooLarge();
    case "svg":
      return new AppError("unsupported_media_type:image", `SVG images are not accepted. ${ACCEPTED}`);
    case "unsupported":
      return new AppError("unsupported_media_type:image", `This file is not a supported image. ${ACCEPTED}`);
    case "damaged":
      return new AppError("bad_request:input", "The image could not be read: it is damaged or incomplete.");
    case "too_many_pixels":
      return new AppError(
        "bad_request:input",
        `The image is ${check.width}×${check.height} px; at most ${MAX_IMAGE_SIDE} px per side is accepted.`,
      );
    case "pixel_cap": {
      const { width = 0, height = 0, frames = 1 } = check;
      const megapixels = Number(((width * height * frames) / 1e6).toFixed(1));
      const size = `${width}×${height} px${frames > 1 ? ` in ${frames} frames` : ""}`;
      return new AppError(
        "bad_request:input",
        `The image is ${size}, ${megapixels} megapixels in all; at most ${MAX_IMAGE_PIXELS / 1e6} megapixels are accepted.`,
      );
    }
  }
}

/**
 * Uploads one image (multipart/form-data, field `file`), stored decoded and re-encoded (decode.ts);
 * the same image again answers the same id.
 */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  await enforceRateLimit(userId, "upload");
  const image = await decodeImage(await readFile(request));
  if (!image.ok) throw rejection(image);
  const { bytes, mediaType, width, height } = image;
  await assertStorageRoom(userId, [bytes]);
  const { attachment, created } = await saveImage(userId, { bytes, mediaType, width, height });
  return Response.json(
    {
      id: attachment.id,
      mediaType,
      width,
      height,
      size: attachment.size,
      tokens: estimateImageTokens(width, height),
    },
    { status: created ? 201 : 200 },
  );
});

async function readFile(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const body = await readBodyCapped(request, MAX_BODY_BYTES, tooLarge);
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request:input", "Send the image as multipart/form-data in a field named “file”.");
  }
  const files = form.getAll("file");
  const file = files[0];
  if (files.length !== 1 || !(file instanceof Blob)) {
    throw new AppError("bad_request:input", "Send exactly one image in a field named “file”.");
  }
  if (file.size > MAX_IMAGE_BYTES) throw tooLarge();
  return new Uint8Array(await file.arrayBuffer());
}
