// The attachments route's refusals of a file: a stable code, an English message for API users, and
// params naming the problem (lib/uploads/problems.ts) from which the browser writes its own sentence.
import type { DocumentCheck } from "@/lib/documents/inspect";
import { MAX_PDF_BYTES, MAX_PDF_PAGES } from "@/lib/documents/limits";
import { AppError } from "@/lib/errors";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "@/lib/images/limits";
import type { ImageCheck } from "@/lib/images/validate";
import type { UploadKind, UploadProblem, UploadProblemValues, UploadRefusalCode } from "./problems";

const ACCEPTED = "Send a JPEG, PNG, GIF or WebP image.";

const megabytes = (bytes: number) => bytes / 1024 / 1024;

function refusal<K extends UploadKind, P extends UploadProblem<K>>(
  code: UploadRefusalCode,
  message: string,
  kind: K,
  problem: P,
  values: UploadProblemValues<K, P>,
): AppError {
  const error = new AppError(code, message);
  error.params = { kind, problem, ...values };
  return error;
}

/** The request is larger than any file may be (`maxBytes`), refused before its kind is known. */
export function fileTooLarge(maxBytes: number): AppError {
  const limitMb = megabytes(maxBytes);
  return refusal("payload_too_large:input", `The file is larger than ${limitMb} MB.`, "file", "too_large", {
    limitMb,
  });
}

export function imageRefusal(check: Extract<ImageCheck, { ok: false }>): AppError {
  switch (check.problem) {
    case "empty":
      return refusal("bad_request:input", "The file is empty.", "image", "empty", {});
    case "too_large": {
      const limitMb = megabytes(MAX_IMAGE_BYTES);
      return refusal(
        "payload_too_large:input",
        `The image is larger than ${limitMb} MB.`,
        "image",
        "too_large",
        {
          limitMb,
        },
      );
    }
    case "svg":
      return refusal(
        "unsupported_media_type:image",
        `SVG images are not accepted. ${ACCEPTED}`,
        "image",
        "svg",
        {},
      );
    case "unsupported":
      return refusal(
        "unsupported_media_type:image",
        `This file is not a supported image. ${ACCEPTED}`,
        "image",
        "unsupported",
        {},
      );
    case "damaged":
      return refusal(
        "bad_request:input",
        "The image could not be read: it is damaged or incomplete.",
        "image",
        "damaged",
        {},
      );
    case "too_many_pixels": {
      const { width = 0, height = 0 } = check;
      return refusal(
        "bad_request:input",
        `The image is ${width}×${height} px; at most ${MAX_IMAGE_SIDE} px per side is accepted.`,
        "image",
        "too_many_pixels",
        { width, height, maxSide: MAX_IMAGE_SIDE },
      );
    }
    case "pixel_cap": {
      const { width = 0, height = 0, frames = 1 } = check;
      const megapixels = Number(((width * height * frames) / 1e6).toFixed(1));
      const maxMegapixels = MAX_IMAGE_PIXELS / 1e6;
      const size = `${width}×${height} px${frames > 1 ? ` in ${frames} frames` : ""}`;
      return refusal(
        "bad_request:input",
        `The image is ${size}, ${megapixels} megapixels in all; at most ${maxMegapixels} megapixels are accepted.`,
        "image",
        "pixel_cap",
        { width, height, frames, megapixels, maxMegapixels },
      );
    }
  }
}

/** `name`: the file's name as the route keeps it (no path, no control characters). */
export function documentRefusal(name: string, check: Extract<DocumentCheck, { ok: false }>): AppError {
  const file = `“${name}”`;
  switch (check.problem) {
    case "empty":
      return refusal("bad_request:input", `${file} is empty.`, "document", "empty", { name });
    case "too_large": {
      const limitMb = megabytes(check.limit ?? MAX_PDF_BYTES);
      return refusal(
        "payload_too_large:input",
        `${file} is larger than ${limitMb} MB, the limit for this kind of file.`,
        "document",
        "too_large",
        { name, limitMb },
      );
    }
    case "encrypted":
      return refusal(
        "bad_request:input",
        `${file} is encrypted (password-protected). Save an unprotected copy and attach that.`,
        "document",
        "encrypted",
        { name },
      );
    case "damaged":
      return refusal(
        "bad_request:input",
        `${file} could not be read as a PDF: it is damaged or incomplete.`,
        "document",
        "damaged",
        { name },
      );
    case "too_many_pages": {
      const { pages = 0, limit = MAX_PDF_PAGES } = check;
      return refusal(
        "bad_request:input",
        `${file} has ${pages} pages; Claude reads at most ${limit} pages of a PDF per message.`,
        "document",
        "too_many_pages",
        { name, pages, limit },
      );
    }
    case "not_text":
      return refusal(
        "unsupported_media_type:document",
        `${file} is neither an image, a PDF nor a UTF-8 text file.`,
        "document",
        "not_text",
        { name },
      );
  }
}
