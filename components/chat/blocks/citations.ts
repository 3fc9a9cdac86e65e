// Citations in reply text: which source each one points at, and one number per source per message.
import type { ContentBlock } from "@/lib/chat/content";
import { externalHref, fieldsOf, numberOf, stringOf } from "./block-data";

/** Where in a document a citation points; numbers as the API gives them. */
export type CitationLocation =
  | { kind: "pages"; start: number; end: number }
  | { kind: "chars"; start: number; end: number }
  | { kind: "blocks"; start: number; end: number }
  | { kind: "none" };

/** One cited source as a text block's citations name it; a block may cite it more than once. */
export interface CitedSource {
  /** Same key, same source: the url, or the document and the place in it. */
  key: string;
  /** A web page (a link) or a place in a document (shown on request). */
  url: string | null;
  title: string | null;
  /** Documents: which one of the request's documents (0-based), when known. */
  documentIndex: number | null;
  location: CitationLocation;
  /** What the passage says, each distinct one once. */
  citedTexts: string[];
}

const DOCUMENT_LOCATIONS = new Set(["char_location", "page_location", "content_block_location"]);

function location(fields: Record<string, unknown>): CitationLocation {
  const span = (kind: "pages" | "chars" | "blocks", startKey: string, endKey: string): CitationLocation => {
    const start = numberOf(fields[startKey]);
    const end = numberOf(fields[endKey]);
    return start === null || end === null ? { kind: "none" } : { kind, start, end };
  };
  switch (fields.type) {
    case "page_location":
      return span("pages", "start_page_number", "end_page_number");
    case "char_location":
      return span("chars", "start_char_index", "end_char_index");
    case "content_block_location":
    case "search_result_location":
      return span("blocks", "start_block_index", "end_block_index");
    default:
      return { kind: "none" };
  }
}

/** One citation as a source, or null when it is not one this app understands. */
function sourceOf(raw: unknown): CitedSource | null {
  const fields = fieldsOf(raw);
  const type = stringOf(fields.type);
  if (!type) return null;
  const citedText = stringOf(fields.cited_text) ?? "";
  const citedTexts = citedText ? [citedText] : [];
  if (type === "web_search_result_location") {
    const url = stringOf(fields.url);
    if (!url) return null;
    return {
      key: `url:${url}`,
      url: externalHref(url),
      title: stringOf(fields.title) ?? url,
      documentIndex: null,
      location: { kind: "none" },
      citedTexts,
    };
  }
  const where = location(fields);
  const span = where.kind === "none" ? "" : `${where.kind}:${where.start}-${where.end}`;
  if (type === "search_result_location") {
    const source = stringOf(fields.source) ?? "";
    return {
      key: `search:${numberOf(fields.search_result_index) ?? source}:${span}`,
      url: externalHref(source),
      title: stringOf(fields.title) ?? (source || null),
      documentIndex: null,
      location: where,
      citedTexts,
    };
  }
  if (!DOCUMENT_LOCATIONS.has(type)) return null;
  const documentIndex = numberOf(fields.document_index);
  return {
    key: `document:${documentIndex ?? stringOf(fields.document_title) ?? ""}:${type}:${span}`,
    url: null,
    title: stringOf(fields.document_title),
    documentIndex,
    location: where,
    citedTexts,
  };
}

/** A text block's distinct sources, in order of first citation. */
export function citedSources(block: ContentBlock): CitedSource[] {
  const citations = (block as Record<string, unknown>).citations;
  if (block.type !== "text" || !Array.isArray(citations)) return [];
  const byKey = new Map<string, CitedSource>();
  for (const citation of citations) {
    const source = sourceOf(citation);
    if (!source) continue;
    const seen = byKey.get(source.key);
    if (!seen) byKey.set(source.key, source);
    else
      for (const text of source.citedTexts) if (!seen.citedTexts.includes(text)) seen.citedTexts.push(text);
  }
  return [...byKey.values()];
}

/**
 * The numbers of each text block's sources, by block index, as "1,2" (a string, so that a finished
 * block's props stay equal while the reply streams on). Numbers count per message, one per source,
 * in order of first appearance.
 */
export function citationNumbers(content: readonly (ContentBlock | undefined)[]): Map<number, string> {
  const numbers = new Map<string, number>();
  const byBlock = new Map<number, string>();
  content.forEach((block, index) => {
    if (!block) return;
    const sources = citedSources(block);
    if (sources.length === 0) return;
    const own = sources.map((source) => {
      let number = numbers.get(source.key);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(source.key, number);
      }
      return number;
    });
    byBlock.set(index, own.join(","));
  });
  return byBlock;
}
