// Documents Claude reads (PDFs and text files): what is accepted and how big, shared by the browser
// and the server. PDF limits follow the Messages API (32 MB per request, 100 pages per request on
// 200k-context models); text files are capped so one file cannot fill the context window by itself.

export const PDF_MEDIA_TYPE = "application/pdf";
export const TEXT_MEDIA_TYPE = "text/plain";
export type DocumentMediaType = typeof PDF_MEDIA_TYPE | typeof TEXT_MEDIA_TYPE;

export const MAX_PDF_BYTES = 30 * 1024 * 1024;
export const MAX_PDF_PAGES = 100;
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_MESSAGE = 10;
export const MAX_DOCUMENT_NAME_LENGTH = 200;

/** What the file chooser offers besides images: PDFs, and text files by their usual extensions. */
export const DOCUMENT_ACCEPT = [
  PDF_MEDIA_TYPE,
  "text/*",
  ".txt,.md,.markdown,.csv,.tsv,.json,.jsonl,.xml,.yaml,.yml,.toml,.ini,.log,.sql,.html,.css",
  ".js,.jsx,.ts,.tsx,.mjs,.py,.rb,.go,.rs,.java,.kt,.swift,.c,.h,.cpp,.hpp,.cs,.php,.sh",
].join(",");

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return value === PDF_MEDIA_TYPE || value === TEXT_MEDIA_TYPE;
}

/**
 * A rough count shown before the exact one is known: a PDF page is read as text and as an image
 * (about 1,500–3,000 tokens; we take 2,000); text is about 4 ASCII characters per token, and about
 * one token per character of other scripts (Japanese, for one).
 */
export function estimateDocumentTokens(document: {
  pages?: number | null;
  text?: string;
  size: number;
}): number {
  if (document.pages) return document.pages * 2000;
  if (document.text === undefined) return Math.ceil(document.size / 4);
  let ascii = 0;
  let other = 0;
  for (const char of document.text) {
    if (char.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4 + other);
}
