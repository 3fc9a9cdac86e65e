// The shapes the Messages API takes for image and document sources: anything else is a 400, so a
// request carrying the app's own stored form (`{"type":"attachment"}`) fails here as it would there.
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"];
const SOURCE_TAGS: Record<string, string[]> = {
  image: ["base64", "url", "file"],
  document: ["base64", "text", "content", "url", "file"],
};

function nonEmpty(value: unknown): boolean {
  return typeof value === "string" && value !== "";
}

/** The 400 message for an image or document block whose source the API would refuse, else undefined. */
export function sourceProblem(block: Obj, at: string, role: unknown): string | undefined {
  const type = String(block.type);
  if (role !== "user") return `${at}.type: \`${type}\` blocks are only allowed in \`user\` messages`;
  const source = block.source;
  if (!isObj(source)) return `${at}.source: Field required`;
  const tags = SOURCE_TAGS[type] ?? [];
  if (!tags.includes(String(source.type))) {
    return `${at}.source: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: ${tags.map((tag) => `'${tag}'`).join(", ")}`;
  }
  if (source.type === "url" && !nonEmpty(source.url)) return `${at}.source.url: Field required`;
  if (source.type === "file" && !nonEmpty(source.file_id)) return `${at}.source.file_id: Field required`;
  if (source.type === "base64") {
    const allowed = type === "image" ? IMAGE_TYPES : ["application/pdf"];
    if (!allowed.includes(String(source.media_type)))
      return `${at}.source.base64.media_type: Input should be ${allowed.map((m) => `'${m}'`).join(" or ")}`;
    if (!nonEmpty(source.data)) return `${at}.source.base64.data: Field required`;
  }
  if (source.type === "text") {
    if (source.media_type !== "text/plain")
      return `${at}.source.text.media_type: Input should be 'text/plain'`;
    if (typeof source.data !== "string") return `${at}.source.text.data: Field required`;
  }
  if (type === "document" && block.title !== undefined && typeof block.title !== "string")
    return `${at}.title: Input should be a valid string`;
  return undefined;
}
