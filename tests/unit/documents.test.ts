// Document checks by content (PDF page counts through pdf-lib, UTF-8 text), token estimates, and
// the test double refusing sources the API refuses.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectDocument, inspectPdf, inspectText, looksLikePdf } from "@/lib/documents/inspect";
import { estimateDocumentTokens, MAX_PDF_PAGES, MAX_TEXT_BYTES } from "@/lib/documents/limits";
import { sourceProblem } from "../double/sources";

async function pdfWithPages(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) pdf.addPage([200, 200]).drawText(`page ${i + 1}`);
  // A classic cross-reference table, whose trailer a test can edit.
  return pdf.save({ useObjectStreams: false });
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("inspectPdf", () => {
  it("reads the page count of a PDF", async () => {
    expect(await inspectPdf(await pdfWithPages(3))).toEqual({
      ok: true,
      mediaType: "application/pdf",
      pages: 3,
    });
  });

  it("refuses more pages than the API reads, saying how many", async () => {
    const check = await inspectPdf(await pdfWithPages(MAX_PDF_PAGES + 1));
    expect(check).toEqual({
      ok: false,
      problem: "too_many_pages",
      pages: MAX_PDF_PAGES + 1,
      limit: MAX_PDF_PAGES,
    });
  });

  it("refuses a PDF header followed by garbage as damaged", async () => {
    expect(await inspectPdf(bytes("%PDF-1.7\nthis is not a pdf at all"))).toMatchObject({
      ok: false,
      problem: "damaged",
    });
  });

  it("refuses an encrypted PDF", async () => {
    const plain = Buffer.from(await pdfWithPages(1)).toString("latin1");
    // An /Encrypt entry in the trailer is what marks a PDF as encrypted.
    const encrypted = plain.replace(
      /trailer\s*<</,
      "trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 >>",
    );
    expect(encrypted).not.toBe(plain);
    expect(await inspectPdf(Buffer.from(encrypted, "latin1"))).toMatchObject({
      ok: false,
      problem: "encrypted",
    });
  });

  it("finds the PDF header within the first kilobyte only", () => {
    expect(looksLikePdf(bytes("junk%PDF-1.4"))).toBe(true);
    expect(looksLikePdf(bytes(`${" ".repeat(2000)}%PDF-1.4`))).toBe(false);
  });
});

describe("inspectText", () => {
  it("accepts UTF-8 text, Japanese included", () => {
    expect(inspectText(bytes("名前,値\nりんご,3\n"))).toEqual({
      ok: true,
      mediaType: "text/plain",
      text: "名前,値\nりんご,3\n",
    });
  });

  it("refuses a binary file renamed .txt: NUL bytes or invalid UTF-8", () => {
    expect(inspectText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]))).toEqual({
      ok: false,
      problem: "not_text",
    });
    expect(inspectText(new Uint8Array([0xff, 0xfe, 0x41, 0xc3]))).toEqual({ ok: false, problem: "not_text" });
  });

  it("refuses empty and blank files, and files over the text limit", async () => {
    expect(await inspectDocument(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    expect(inspectText(bytes("  \n\t"))).toEqual({ ok: false, problem: "empty" });
    expect(inspectText(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61))).toEqual({
      ok: false,
      problem: "too_large",
      limit: MAX_TEXT_BYTES,
    });
  });
});

describe("estimateDocumentTokens", () => {
  it("counts PDF pages, ASCII by fours and other scripts by characters", () => {
    expect(estimateDocumentTokens({ pages: 3, size: 1 })).toBe(6000);
    expect(estimateDocumentTokens({ text: "abcdefgh", size: 8 })).toBe(2);
    expect(estimateDocumentTokens({ text: "日本語", size: 9 })).toBe(3);
  });
});

describe("the double's source rules", () => {
  const at = "messages.0.content.0";
  it("refuses the app's stored attachment form, which must never reach the API", () => {
    const block = { type: "document", source: { type: "attachment", attachment_id: "x" }, title: "a.pdf" };
    expect(sourceProblem(block, at, "user")).toMatch(/Input tag 'attachment'/);
  });

  it("accepts base64 PDFs and text sources, and refuses a text source with another media type", () => {
    const pdf = { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBE" } };
    const text = { type: "document", source: { type: "text", media_type: "text/plain", data: "a,b" } };
    const csv = { type: "document", source: { type: "text", media_type: "text/csv", data: "a,b" } };
    expect(sourceProblem(pdf, at, "user")).toBeUndefined();
    expect(sourceProblem(text, at, "user")).toBeUndefined();
    expect(sourceProblem(csv, at, "user")).toMatch(/text\/plain/);
    expect(sourceProblem(pdf, at, "assistant")).toMatch(/only allowed in `user` messages/);
  });
});
