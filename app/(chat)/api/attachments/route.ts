import { requireUserId } from "@/lib/auth";
import { saveDocument, saveImage } from "@/lib/db/attachments";
import { type DocumentCheck, inspectDocument, looksLikePdf } from "@/lib/documents/inspect";
import {
  estimateDocumentTokens,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_PDF_BYTES,
  MAX_TEXT_BYTES,
  PDF_MEDIA_TYPE,
} from "@/lib/documents/limits";
import { AppError } from "@/lib/errors";
import { readBodyCapped, route } from "@/lib/http";
import { decodeImage } from "@/lib/images/decode";
import { looksLikeSvg, sniffImageType } from "@/lib/images/formats";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "@/lib/images/limits";
import { estimateImageTokens } from "@/lib/images/resize";
import type { ImageCheck } from "@/lib/images/validate";
import { enforceRateLimit } from "@/lib/limits/policies";
import { assertStorageRoom } from "@/lib/limits/storage";

// Room for the multipart boundary and part headers around the one file.
const MAX_FILE_BYTES = Math.max(MAX_IMAGE_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES);
const MAX_BODY_BYTES = MAX_FILE_BYTES + 16 * 1024;
const ACCEPTED = "Send a JPEG, PNG, GIF or WebP image.";

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;
const tooLarge = () =>
  new AppError("payload_too_large:input", `The file is larger than ${megabytes(MAX_FILE_BYTES)}.`);

function rejection(check: Extract<ImageCheck, { ok: false }>): AppError {
  switch (check.problem) {
    case "empty":
      return new AppError("bad_request:input", "The file is empty.");
    case "too_large":
      return new AppError(
        "payload_too_large:input",
        `The image is larger than ${megabytes(MAX_IMAGE_BYTES)}.`,
      );
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

function documentRejection(name: string, check: Extract<DocumentCheck, { ok: false }>): AppError {
  const file = `“${name}”`;
  switch (check.problem) {
    case "empty":
      return new AppError("bad_request:input", `${file} is empty.`);
    case "too_large":
      return new AppError(
        "payload_too_large:input",
        `${file} is larger than ${megabytes(check.limit ?? MAX_FILE_BYTES)}, the limit for this kind of file.`,
      );
    case "encrypted":
      return new AppError(
        "bad_request:input",
        `${file} is encrypted (password-protected). Save an unprotected copy and attach that.`,
      );
    case "damaged":
      return new AppError(
        "bad_request:input",
        `${file} could not be read as a PDF: it is damaged or incomplete.`,
      );
    case "too_many_pages":
      return new AppError(
        "bad_request:input",
        `${file} has ${check.pages} pages; Claude reads at most ${check.limit} pages of a PDF per message.`,
      );
    case "not_text":
      return new AppError(
        "unsupported_media_type:document",
        `${file} is neither an image, a PDF nor a UTF-8 text file.`,
      );
  }
}

/**
 * Uploads one file (multipart/form-data, field `file`): an image (stored decoded and re-encoded,
 * see decode.ts), a PDF or a UTF-8 text file, recognised by content. The same file again answers the
 * same id.
 */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  await enforceRateLimit(userId, "upload");
  const { bytes, name, declaredImage } = await readFile(request);
  // Content decides, except that a file sent as an image must be one (a renamed text file is refused).
  const isImage = !looksLikePdf(bytes) && (sniffImageType(bytes) !== null || looksLikeSvg(bytes));
  if (!isImage && !declaredImage) return uploadDocument(userId, bytes, name);
  const image = await decodeImage(bytes);
  if (!image.ok) throw rejection(image);
  const { mediaType, width, height } = image;
  await assertStorageRoom(userId, [image.bytes]);
  const { attachment, created } = await saveImage(userId, { bytes: image.bytes, mediaType, width, height });
  return Response.json(
    {
      id: attachment.id,
      kind: "image",
      mediaType,
      width,
      height,
      size: attachment.size,
      tokens: estimateImageTokens(width, height),
    },
    { status: created ? 201 : 200 },
  );
});

async function uploadDocument(userId: string, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const check = await inspectDocument(bytes);
  if (!check.ok) throw documentRejection(name, check);
  await assertStorageRoom(userId, [bytes]);
  const pages = check.mediaType === PDF_MEDIA_TYPE ? check.pages : null;
  const { attachment, created } = await saveDocument(userId, {
    bytes,
    mediaType: check.mediaType,
    name,
    pages,
  });
  const text = check.mediaType === PDF_MEDIA_TYPE ? undefined : check.text;
  return Response.json(
    {
      id: attachment.id,
      kind: "document",
      mediaType: check.mediaType,
      name: attachment.name ?? name,
      pages: attachment.pages,
      size: attachment.size,
      tokens: estimateDocumentTokens({ pages, text, size: bytes.length }),
    },
    { status: created ? 201 : 200 },
  );
}

/** A file name safe to show and to send as a document title (no paths, no control characters). */
function documentName(file: Blob): string {
  const raw = file instanceof File ? file.name : "";
  const base = raw.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "document").slice(0, MAX_DOCUMENT_NAME_LENGTH);
}

async function readFile(
  request: Request,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; name: string; declaredImage: boolean }> {
  const body = await readBodyCapped(request, MAX_BODY_BYTES, tooLarge);
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request:input", "Send the file as multipart/form-data in a field named “file”.");
  }
  const files = form.getAll("file");
  const file = files[0];
  if (files.length !== 1 || !(file instanceof Blob)) {
    throw new AppError("bad_request:input", "Send exactly one file in a field named “file”.");
  }
  if (file.size > MAX_FILE_BYTES) throw tooLarge();
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    name: documentName(file),
    declaredImage: file.type.startsWith("image/"),
  };
}
