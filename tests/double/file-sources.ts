// The Files API side of the double: uploads (`POST /v1/files`, multipart) and the rule that a
// `{"type":"file","file_id"}` source needs the files beta header and a file that exists.
export const FILES_BETA = "files-api-2025-04-14";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface UploadedFile {
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** The `file` part of a multipart upload; null when there is none. */
export async function parseUpload(raw: Buffer, contentType: string): Promise<UploadedFile | null> {
  if (!contentType.startsWith("multipart/form-data")) return null;
  const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") return null;
  return {
    filename: file.name || "unnamed",
    mimeType: file.type || "application/octet-stream",
    content: Buffer.from(await file.arrayBuffer()),
  };
}

/** Why the API would refuse the request's file sources, else undefined. */
export function fileSourceProblem(body: Obj, betas: readonly string[], exists: (id: string) => boolean) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const [i, message] of messages.entries()) {
    const content = isObj(message) && Array.isArray(message.content) ? message.content : [];
    for (const [j, block] of content.entries()) {
      const source = isObj(block) && isObj(block.source) ? block.source : null;
      if (source?.type !== "file") continue;
      const at = `messages.${i}.content.${j}.source`;
      if (!betas.includes(FILES_BETA))
        return `${at}: File sources require the anthropic-beta header "${FILES_BETA}".`;
      if (!exists(String(source.file_id))) return `${at}.file_id: File not found: ${String(source.file_id)}`;
    }
  }
  return undefined;
}
