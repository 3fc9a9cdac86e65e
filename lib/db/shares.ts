import "server-only";
import { parseSnapshot, sharedAttachmentIds, toSnapshot } from "@/lib/share/snapshot";
import { createShareToken } from "@/lib/share/token";
import { type AttachmentData, findAttachment } from "./attachments";
import { db } from "./client";
import { activePathPage } from "./messages";

/** A shared branch holds at most this many messages (the newest ones). */
export const SHARE_MAX_MESSAGES = 2000;

const shareFields = {
  id: true,
  token: true,
  conversationId: true,
  title: true,
  includeImages: true,
  sharedAt: true,
  createdAt: true,
} as const;

export interface ShareOptions {
  /** Show the conversation's images to readers; unchanged when undefined (false for a new share). */
  includeImages?: boolean;
  /** Replace an existing share's copy with the branch on screen now. */
  refresh?: boolean;
}

/** The branch on screen, reduced to what readers see, and the title; null when not the user's conversation. */
async function snapshotOf(userId: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, userId },
    select: { title: true },
  });
  const page = conversation && (await activePathPage(conversationId, userId, null, SHARE_MAX_MESSAGES));
  if (!conversation || !page) return null;
  return {
    title: conversation.title,
    snapshot: JSON.stringify(toSnapshot(page.messages)),
    sharedAt: new Date(),
  };
}

function findOwnShare(userId: string, conversationId: string) {
  return db.share.findFirst({ where: { conversationId, userId }, select: shareFields });
}

/**
 * The user's share of their conversation, created from the branch on screen when there is none (a
 * copy at that moment: later messages are not shown until `refresh`). Null when the conversation is
 * not theirs.
 */
export async function shareConversation(userId: string, conversationId: string, options: ShareOptions = {}) {
  const existing = await findOwnShare(userId, conversationId);
  if (existing) {
    if (!options.refresh && options.includeImages === undefined) return existing;
    const copy = options.refresh ? await snapshotOf(userId, conversationId) : null;
    if (options.refresh && !copy) return null;
    await db.share.updateMany({
      where: { id: existing.id, userId },
      data: {
        ...copy,
        ...(options.includeImages === undefined ? {} : { includeImages: options.includeImages }),
      },
    });
    return findOwnShare(userId, conversationId);
  }
  const copy = await snapshotOf(userId, conversationId);
  if (!copy) return null;
  try {
    return await db.share.create({
      data: {
        token: createShareToken(),
        userId,
        conversationId,
        ...copy,
        includeImages: options.includeImages ?? false,
      },
      select: shareFields,
    });
  } catch (error) {
    // Two first shares at once: the other one won, and is this one.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return findOwnShare(userId, conversationId);
  }
}

/** The user's shares, newest first. */
export function listShares(userId: string, limit = 200) {
  return db.share.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: shareFields,
  });
}

/** Revokes the user's share: its link answers 404 from now on. False when it is not theirs. */
export async function revokeShare(userId: string, shareId: string): Promise<boolean> {
  const { count } = await db.share.deleteMany({ where: { id: shareId, userId } });
  return count > 0;
}

/** What anyone holding the link may read; null when revoked or never shared. */
export async function findSharedConversation(token: string) {
  const share = await db.share.findUnique({
    where: { token },
    select: { title: true, snapshot: true, includeImages: true, sharedAt: true },
  });
  if (!share) return null;
  return {
    title: share.title,
    includeImages: share.includeImages,
    sharedAt: share.sharedAt,
    messages: parseSnapshot(share.snapshot),
  };
}

/** A stored image of a share, only when the owner included images and the shared branch shows it. */
export async function findSharedImage(token: string, attachmentId: string): Promise<AttachmentData | null> {
  const share = await db.share.findUnique({
    where: { token },
    select: { userId: true, snapshot: true, includeImages: true },
  });
  if (!share?.includeImages || !sharedAttachmentIds(parseSnapshot(share.snapshot)).has(attachmentId))
    return null;
  return findAttachment(share.userId, attachmentId);
}
