// Checks an uploaded document by its content, not its name: a PDF must start like one and parse
// (its page count read by pdf-lib), a text file must be valid UTF-8 with no NUL bytes.
import "server-only";
import { PDFDocument } from "pdf-lib";
import { MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_TEXT_BYTES, PDF_MEDIA_TYPE, TEXT_MEDIA_TYPE } from "./limits";

export type DocumentCheck =
  | { ok: true; mediaType: typeof PDF_MEDIA_TYPE; pages: number }
  | { ok: true; mediaType: typeof TEXT_MEDIA_TYPE; text: string }
  | {
      ok: false;
      problem: "empty" | "too_large" | "encrypted" | "damaged" | "too_many_pages" | "not_text";
      pages?: number;
      limit?: number;
    };

const PDF_MAGIC = "%PDF-";

/** PDFs may carry some bytes before the header; readers look within the first kilobyte. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes(PDF_MAGIC);
}

export async function inspectPdf(bytes: Uint8Array): Promise<DocumentCheck> {
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, problem: "too_large", limit: MAX_PDF_BYTES };
  let pages: number;
  try {
    // Loaded even when encrypted, to tell that case apart (pdf-lib's own error class does not survive
    // its ES5 build for an instanceof check).
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    if (pdf.isEncrypted) return { ok: false, problem: "encrypted" };
    pages = pdf.getPageCount();
  } catch {
    return { ok: false, problem: "damaged" };
  }
  if (pages === 0) return { ok: false, problem: "damaged" };
  if (pages > MAX_PDF_PAGES) return { ok: false, problem: "too_many_pages", pages, limit: MAX_PDF_PAGES };
  return { ok: true, mediaType: PDF_MEDIA_TYPE, pages };
}

export function inspectText(bytes: Uint8Array): DocumentCheck {
  if (bytes.length > MAX_TEXT_BYTES) return { ok: false, problem: "too_large", limit: MAX_TEXT_BYTES };
  if (bytes.includes(0)) return { ok: false, problem: "not_text" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not_text" };
  }
  if (text.trim() === "") return { ok: false, problem: "empty" };
  return { ok: true, mediaType: TEXT_MEDIA_TYPE, text };
}

export function inspectDocument(bytes: Uint8Array): Promise<DocumentCheck> | DocumentCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  return looksLikePdf(bytes) ? inspectPdf(bytes) : inspectText(bytes);
}
