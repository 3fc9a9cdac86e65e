import "server-only";
import { createHash } from "node:crypto";
import type { DocumentMediaType } from "@/lib/documents/limits";
import type { ImageMediaType } from "@/lib/images/limits";
import { db } from "./client";

export interface AttachmentMeta {
  id: string;
  mediaType: string;
  width: number | null;
  height: number | null;
  size: number;
  name: string | null;
  pages: number | null;
}

export interface AttachmentData {
  id: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** A document's file name. */
  name?: string | null;
  /** Its id in the Anthropic Files API, once uploaded there. */
  remoteFileId?: string | null;
}

export interface NewImage {
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: ImageMediaType;
  width: number;
  height: number;
}

export interface NewDocument {
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: DocumentMediaType;
  name: string;
  pages: number | null;
}

const meta = {
  id: true,
  mediaType: true,
  width: true,
  height: true,
  size: true,
  name: true,
  pages: true,
} as const;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Stores an image for its owner; the same bytes uploaded again by the same user give the same row. */
export function saveImage(userId: string, image: NewImage) {
  return saveAttachment(userId, image);
}

/** Stores a PDF or text file for its owner, deduplicated like images (the first upload's name stays). */
export function saveDocument(userId: string, document: NewDocument) {
  return saveAttachment(userId, document);
}

async function saveAttachment(
  userId: string,
  file: NewImage | NewDocument,
): Promise<{ attachment: AttachmentMeta; created: boolean }> {
  const sha256 = sha256Hex(file.bytes);
  const existing = await db.attachment.findFirst({ where: { userId, sha256 }, select: meta });
  if (existing) return { attachment: existing, created: false };
  try {
    const attachment = await db.attachment.create({
      data: { userId, sha256, size: file.bytes.length, ...file },
      select: meta,
    });
    return { attachment, created: true };
  } catch (error) {
    // The same image uploaded twice at once: the other request stored it first.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const stored = await db.attachment.findFirst({ where: { userId, sha256 }, select: meta });
    if (!stored) throw error;
    return { attachment: stored, created: false };
  }
}

/** An image's or document's bytes, only for its owner (another user's id answers null, like a missing one). */
export async function findAttachment(userId: string, id: string): Promise<AttachmentData | null> {
  const row = await db.attachment.findFirst({
    where: { id, userId, bytes: { not: null } },
    select: { id: true, mediaType: true, bytes: true, name: true },
  });
  return row?.bytes ? { id: row.id, mediaType: row.mediaType, bytes: row.bytes, name: row.name } : null;
}

/** The owner's images among `ids`, with their bytes, in the order asked (for building API requests). */
export async function findImages(userId: string, ids: readonly string[]): Promise<AttachmentData[]> {
  if (ids.length === 0) return [];
  const rows = await db.attachment.findMany({
    where: { id: { in: [...new Set(ids)] }, userId, bytes: { not: null } },
    select: { id: true, mediaType: true, bytes: true, name: true, remoteFileId: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row?.bytes ? [{ ...row, bytes: row.bytes }] : [];
  });
}

/** Records an attachment's remote file id in place of `previous`; false when another was stored meanwhile. */
export async function setRemoteFileId(
  userId: string,
  id: string,
  remoteFileId: string,
  previous: string | null,
): Promise<boolean> {
  const { count } = await db.attachment.updateMany({
    where: { id, userId, remoteFileId: previous },
    data: { remoteFileId },
  });
  return count === 1;
}

export function findAttachmentMeta(userId: string, ids: readonly string[]): Promise<AttachmentMeta[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.attachment.findMany({ where: { id: { in: [...new Set(ids)] }, userId }, select: meta });
}

/** Bytes of all the user's stored images, and which of `sha256s` they have stored already. */
export async function storageUsage(
  userId: string,
  sha256s: readonly string[],
): Promise<{ usedBytes: number; stored: Set<string> }> {
  const [total, rows] = await Promise.all([
    db.attachment.aggregate({ where: { userId }, _sum: { size: true } }),
    sha256s.length === 0
      ? Promise.resolve([])
      : db.attachment.findMany({ where: { userId, sha256: { in: [...sha256s] } }, select: { sha256: true } }),
  ]);
  return { usedBytes: total._sum.size ?? 0, stored: new Set(rows.map((row) => row.sha256)) };
}
