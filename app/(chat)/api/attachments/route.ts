import { requireUserId } from "@/lib/auth";
import { saveDocument, saveImage } from "@/lib/db/attachments";
import { inspectDocument, looksLikePdf } from "@/lib/documents/inspect";
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
import { MAX_IMAGE_BYTES } from "@/lib/images/limits";
import { estimateImageTokens } from "@/lib/images/resize";
import { enforceRateLimit } from "@/lib/limits/policies";
import { assertStorageRoom } from "@/lib/limits/storage";
import { documentRefusal, fileTooLarge, imageRefusal } from "@/lib/uploads/refusals";

// Room for the multipart boundary and part headers around the one file.
const MAX_FILE_BYTES = Math.max(MAX_IMAGE_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES);
const MAX_BODY_BYTES = MAX_FILE_BYTES + 16 * 1024;
const tooLarge = () => fileTooLarge(MAX_FILE_BYTES);

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
  if (!image.ok) throw imageRefusal(image);
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
  if (!check.ok) throw documentRefusal(name, check);
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
