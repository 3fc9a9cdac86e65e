// Attachments in the Anthropic Files API: each image or document is uploaded once, starting at the
// first send that includes it (which still carries it inline, so that its reply never waits for the
// upload), and later requests name it by `file_id` instead of carrying its bytes.
// Endpoints without the Files API (demo mode, gateways answering 404, …) get base64 as before; that
// is decided at the first upload to an endpoint and remembered in memory. Remote files are deleted
// with their conversation, in the background and never holding up the user's delete.
import "server-only";
import { APIError, toFile } from "@anthropic-ai/sdk";
import { type AttachmentData, setRemoteFileId } from "@/lib/db/attachments";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { FILES_BETA } from "@/lib/tools/server-tools";

/** Per endpoint (base URL): whether it has the Files API, once an upload has told. */
const hasFilesApi = new Map<string, boolean>();
const MISSING_STATUSES = new Set([404, 405, 501]);
const DELETE_ATTEMPTS = 3;

function endpoint(): string {
  return env().ANTHROPIC_BASE_URL ?? "https://api.anthropic.com";
}

/** Whether file ids may be sent to this endpoint: not in demo mode, nor where uploads found no Files API. */
export function filesApiUsable(): boolean {
  return !env().demoMode && hasFilesApi.get(endpoint()) !== false;
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
    const uploaded = await anthropic().beta.files.upload({
      file: await toFile(file.bytes, name, { type: file.mediaType }),
      betas: [FILES_BETA],
    });
    hasFilesApi.set(endpoint(), true);
    return uploaded.id;
  } catch (error) {
    if (error instanceof APIError && error.status !== undefined && MISSING_STATUSES.has(error.status)) {
      hasFilesApi.set(endpoint(), false);
      logger.info({ status: error.status }, "no Files API at this endpoint: attachments go inline");
    } else logger.warn({ err: error, attachmentId: file.id }, "file upload failed: sending it inline");
    return null;
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
    if (await setRemoteFileId(userId, file.id, fileId)) return fileId;
    deleteRemoteFiles([fileId]);
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
      if (file.remoteFileId) return void ids.set(file.id, file.remoteFileId);
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
  for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
    try {
      await anthropic().beta.files.delete(fileId, { betas: [FILES_BETA] });
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

/** Deletes remote files in the background (a few attempts each); never throws, never waits. */
export function deleteRemoteFiles(fileIds: readonly string[]): void {
  if (env().demoMode) return;
  for (const fileId of fileIds) void deleteWithRetries(fileId);
}
