// Messages-API content blocks as stored in Message.content and shown by the client.
export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string; signature?: string }
  | { type: "redacted_thinking"; data: string }
  // Blocks this app does not display (tool use, server tool results, future types) are kept verbatim.
  | { type: string; [key: string]: unknown };

export function textOf(content: readonly ContentBlock[]): string {
  return content
    .filter((block): block is { type: "text"; text: string } => block.type === "text")
    .map((block) => block.text)
    .join("");
}

export function parseContent(json: string): ContentBlock[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ContentBlock[]) : [];
  } catch {
    return [];
  }
}

/** An image as stored: uploads point at their Attachment row; URL images keep the URL the API fetches. */
export type StoredImageSource =
  | { type: "attachment"; attachment_id: string; media_type: string }
  | { type: "url"; url: string };

// A type alias, not an interface, so that it counts as a ContentBlock.
export type ImageBlock = {
  type: "image";
  source: StoredImageSource | { type: "base64"; media_type: string; data: string };
};

/** A PDF or text file as stored: its Attachment row, and its file name as the title Claude sees. */
export type DocumentBlock = {
  type: "document";
  source: { type: "attachment"; attachment_id: string; media_type: string };
  title: string;
  /** A PDF's page count, for the chip. */
  pages?: number;
};

export function imagesOf(content: readonly ContentBlock[]): ImageBlock[] {
  return content.filter((block) => block.type === "image") as unknown as ImageBlock[];
}

export function documentsOf(content: readonly ContentBlock[]): DocumentBlock[] {
  return content.filter(
    (block) => block.type === "document" && (block as DocumentBlock).source?.type === "attachment",
  ) as unknown as DocumentBlock[];
}

/** A user turn's images and documents, in order: what an edited copy of it keeps. */
export function attachmentsOf(content: readonly ContentBlock[]): ContentBlock[] {
  return content.filter((block) => block.type === "image" || block.type === "document");
}

export function attachmentIdsOf(content: readonly ContentBlock[]): string[] {
  return [
    ...imagesOf(content).flatMap((block) =>
      block.source.type === "attachment" ? [block.source.attachment_id] : [],
    ),
    ...documentsOf(content).map((block) => block.source.attachment_id),
  ];
}

/** A user turn's content: its images and documents first (as the API recommends), then the text unless blank. */
export function withText(attachments: readonly ContentBlock[], text: string): ContentBlock[] {
  return text.trim() ? [...attachments, { type: "text", text }] : [...attachments];
}

/** A finished block as the browser gets it: thinking signatures and redacted data stay on the server. */
export function forBrowser(block: ContentBlock): ContentBlock {
  if (block.type === "thinking")
    return { type: "thinking", thinking: (block as { thinking: string }).thinking };
  if (block.type === "redacted_thinking") return { type: "redacted_thinking" };
  const { truncated_input: _truncated, ...rest } = block as Record<string, unknown>;
  return rest as ContentBlock;
}
