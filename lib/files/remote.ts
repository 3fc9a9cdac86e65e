// Attachments in the Anthropic Files API: each image or document is uploaded once, starting at the
// first send that includes it (which still carries it inline, so that its reply never waits for the
// upload), and later requests name it by `file_id` instead of carrying its bytes.
// - Endpoints without the Files API (demo mode, gateways answering 404, …) get base64 as before;
//   that is decided at the first upload to an endpoint and remembered in memory.
// - Files belong to the API key's workspace: a stored id carries a tag of the endpoint and key that
//   uploaded it, and one from another (a changed key) counts as not uploaded.
// - A stored id is looked up once per server process before it is used: a file deleted or expired
//   in the meantime is uploaded again rather than failing the reply.
// - Remote files are deleted with their conversation, in the background, never holding up the delete.
import "server-only";
import { createHash } from "node:crypto";
import { APIError, toFile } from "@anthropic-ai/sdk";
import { type AttachmentData, setRemoteFileId } from "@/lib/db/attachments";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { providerLacks } from "@/lib/model/providers";
import { FILES_BETA } from "@/lib/tools/server-tools";

/** Per endpoint (base URL): whether it has the Files API, once an upload has told. */
const hasFilesApi = new Map<string, boolean>();
const MISSING_STATUSES = new Set([404, 405, 501]);
const DELETE_ATTEMPTS = 3;

function endpoint(): string {
  return env().ANTHROPIC_BASE_URL ?? "https://api.anthropic.com";
}

/** Which endpoint and key uploaded a file (a hash: the key never reaches the database). */
function accountTag(): string {
  const key = env().ANTHROPIC_API_KEY ?? "";
  return createHash("sha256").update(`${endpoint()}\n${key}`).digest("hex").slice(0, 12);
}

/** The file id as the Attachment row keeps it: tagged with the account that holds the file. */
export function storedFileId(fileId: string): string {
  return `${accountTag()}:${fileId}`;
}

/** The file id of a stored value, or null when another endpoint or key uploaded it. */
function usableFileId(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const colon = stored.indexOf(":");
  return colon > 0 && stored.slice(0, colon) === accountTag() ? stored.slice(colon + 1) : null;
}

/**
 * Whether file ids may be sent to this endpoint: not in demo mode, nor on a platform without the
 * Files API, nor where uploads found none. Otherwise attachments go inline.
 */
export function filesApiUsable(): boolean {
  return !env().demoMode && !providerLacks("files_api") && hasFilesApi.get(endpoint()) !== false;
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/** Uploads one file; its id, or null when it must go as base64 (no Files API here, or the upload failed). */
async function upload(file: AttachmentData): Promise<string | null> {
  const name = file.name ?? `attachment.${EXTENSIONS[file.mediaType] ?? "bin"}`;
  try {
    const uploaded = await (await anthropic()).beta.files.upload({
      file: await toFile(file.bytes, name, { type: file.mediaType }),
      betas: [FILES_BETA],
    });
    hasFilesApi.set(endpoint(), true);
    confirmed.add(uploaded.id);
    return uploaded.id;
  } catch (error) {
    if (error instanceof APIError && error.status !== undefined && MISSING_STATUSES.has(error.status)) {
      hasFilesApi.set(endpoint(), false);
      logger.info({ status: error.status }, "no Files API at this endpoint: attachments go inline");
    } else logger.warn({ err: error, attachmentId: file.id }, "file upload failed: sending it inline");
    return null;
  }
}

/** File ids this process has seen exist (uploaded or looked up). */
const confirmed = new Set<string>();

/** Whether the Files API still has the file; true when it cannot tell (the request then shows). */
async function stillThere(fileId: string): Promise<boolean> {
  if (confirmed.has(fileId)) return true;
  try {
    await (await anthropic()).beta.files.retrieveMetadata(fileId, { betas: [FILES_BETA] });
    confirmed.add(fileId);
    return true;
  } catch (error) {
    return !(error instanceof APIError && error.status === 404);
  }
}

/** Uploads under way, by attachment id: a send that finds one waits for it rather than starting another. */
const inFlight = new Map<string, Promise<string | null>>();

function startUpload(userId: string, file: AttachmentData): Promise<string | null> {
  const running = inFlight.get(file.id);
  if (running) return running;
  const pending = (async () => {
    const fileId = await upload(file);
    if (!fileId) return null;
    // Another instance uploaded it at the same time: the first id stored wins, this one is removed.
    if (await setRemoteFileId(userId, file.id, storedFileId(fileId), file.remoteFileId ?? null))
      return fileId;
    void deleteWithRetries(fileId);
    return null;
  })()
    .catch((error: unknown) => {
      logger.warn({ err: error, attachmentId: file.id }, "a file upload could not be recorded");
      return null;
    })
    .finally(() => inFlight.delete(file.id));
  inFlight.set(file.id, pending);
  return pending;
}

/**
 * The remote file id of each attachment that has one (or whose upload is under way here). Those
 * without start uploading in the background unless `upload` is false (counting tokens), and go as
 * base64 this time: they are absent from the map.
 */
export async function remoteFileIds(
  userId: string,
  files: readonly AttachmentData[],
  { upload: uploading = true } = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!filesApiUsable()) return ids;
  await Promise.all(
    files.map(async (file) => {
      const uploaded = usableFileId(file.remoteFileId);
      if (uploaded && (await stillThere(uploaded))) return void ids.set(file.id, uploaded);
      const running = inFlight.get(file.id);
      if (running) {
        const fileId = await running;
        if (fileId) ids.set(file.id, fileId);
      } else if (uploading) void startUpload(userId, file);
    }),
  );
  return ids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deleteWithRetries(fileId: string): Promise<void> {
  confirmed.delete(fileId);
  for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
    try {
      await (await anthropic()).beta.files.delete(fileId, { betas: [FILES_BETA] });
      return;
    } catch (error) {
      if (error instanceof APIError && error.status === 404) return;
      if (attempt === DELETE_ATTEMPTS) {
        logger.warn({ err: error, fileId }, "a remote file could not be deleted");
        return;
      }
      await sleep(500 * 2 ** attempt);
    }
  }
}

/**
 * Deletes remote files (as the Attachment rows kept them) in the background, a few attempts each;
 * never throws, never waits. Files of another endpoint or key are out of reach and left alone.
 */
export function deleteRemoteFiles(stored: readonly string[]): void {
  if (env().demoMode || providerLacks("files_api")) return;
  for (const fileId of stored.map(usableFileId)) if (fileId) void deleteWithRetries(fileId);
}
