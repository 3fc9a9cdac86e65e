// Document citations in the double: which documents of a request have citations on, the passage a
// `cite` reply quotes from each (char_location for text, page_location for PDFs, as the API streams
// them in citations_delta events), and the requests the API refuses for their citation settings.
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A file the Files API routes hold, as far as citations need it. */
export interface CitableFile {
  mimeType: string;
  content: Buffer;
}

export interface RequestDocument {
  /** 0-based over every document of the request, in order: the API's `document_index`. */
  index: number;
  title: string | null;
  citations: boolean;
  /** Plain text for text sources; null for PDFs (the double cannot read their pages). */
  text: string | null;
  pdf: boolean;
}

function blocks(message: unknown): Obj[] {
  return isObj(message) && Array.isArray(message.content) ? (message.content as unknown[]).filter(isObj) : [];
}

function documentBlocks(body: Obj): Obj[] {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return messages.flatMap(blocks).filter((block) => block.type === "document");
}

function documentOf(
  block: Obj,
  index: number,
  file: (id: string) => CitableFile | undefined,
): RequestDocument {
  const source = isObj(block.source) ? block.source : {};
  const citations = isObj(block.citations) && block.citations.enabled === true;
  const title = typeof block.title === "string" ? block.title : null;
  if (source.type === "text") return { index, title, citations, text: String(source.data ?? ""), pdf: false };
  if (source.type === "file") {
    const stored = file(String(source.file_id));
    const text = stored?.mimeType.startsWith("text/") ? stored.content.toString("utf8") : null;
    return { index, title, citations, text, pdf: stored?.mimeType === "application/pdf" };
  }
  return { index, title, citations, text: null, pdf: source.media_type === "application/pdf" };
}

export function requestDocuments(
  body: Obj,
  file: (id: string) => CitableFile | undefined,
): RequestDocument[] {
  return documentBlocks(body).map((block, index) => documentOf(block, index, file));
}

/** The first sentence (or line) of a text: the passage a `cite` reply quotes. */
function firstSentence(text: string): { start: number; end: number } {
  const start = text.search(/\S/);
  if (start === -1) return { start: 0, end: 0 };
  const rest = text.slice(start);
  const stop = rest.search(/[.!?。\n]/);
  const length = stop === -1 ? Math.min(rest.length, 200) : Math.min(stop + 1, 200);
  return { start, end: start + length };
}

/** The citation a `cite` reply gives for one document. */
export function citationFor(document: RequestDocument): Obj {
  const common = { document_index: document.index, document_title: document.title, file_id: null };
  if (document.text !== null) {
    const { start, end } = firstSentence(document.text);
    return {
      type: "char_location",
      cited_text: document.text.slice(start, end),
      ...common,
      start_char_index: start,
      end_char_index: end,
    };
  }
  return {
    type: "page_location",
    cited_text: `Text of page 1 of ${document.title ?? "the document"}.`,
    ...common,
    start_page_number: 1,
    end_page_number: 2,
  };
}

/**
 * Why the API would refuse the request's citation settings: `citations` on a block that has none
 * (images), on every document or none, and never together with structured outputs.
 */
export function citationsProblem(body: Obj): string | undefined {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const [i, message] of messages.entries()) {
    for (const [j, block] of blocks(message).entries()) {
      if (block.type === "image" && block.citations !== undefined)
        return `messages.${i}.content.${j}.image.citations: Extra inputs are not permitted`;
    }
  }
  const settings = documentBlocks(body).map(
    (block) => isObj(block.citations) && block.citations.enabled === true,
  );
  const on = settings.some(Boolean);
  if (on && settings.some((enabled) => !enabled))
    return "Citations must be enabled on all documents or on none of them.";
  const config = isObj(body.output_config) ? body.output_config : {};
  if (on && (body.output_format !== undefined || config.format !== undefined))
    return "Citations are not supported together with structured outputs (output_format).";
  return undefined;
}
