// Invite links: a random token shown once to the admin who made it; only its SHA-256 is stored.
// Registering with it takes one use, in the registration's transaction (see createUser).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { InviteRequest } from "@/lib/admin/schemas";
import { type Actor, recordAudit } from "./audit";
import type { Db } from "./client";
import { db } from "./client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The invite was unknown, expired or used up. */
export class InviteRefused extends Error {
  constructor() {
    super("The invite link is not valid: it has expired, been used up or never existed.");
    this.name = "InviteRefused";
  }
}

export async function createInvite(actor: Actor, request: InviteRequest, now: Date = new Date()) {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + request.expiresInHours * 3_600_000);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { tokenHash: hashToken(token), createdById: actor.id, maxUses: request.maxUses, expiresAt },
      select: { id: true, maxUses: true, expiresAt: true },
    });
    await recordAudit(tx, actor, {
      action: "invite",
      detail: { inviteId: invite.id, maxUses: invite.maxUses, expiresAt: expiresAt.toISOString() },
    });
    return { ...invite, token };
  });
}

/** Takes one use of the invite inside `tx`, or throws InviteRefused (the transaction then rolls back). */
export async function consumeInvite(tx: Tx, token: string, now: Date = new Date()): Promise<void> {
  const { count } = await tx.invite.updateMany({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now }, uses: { lt: tx.invite.fields.maxUses } },
    data: { uses: { increment: 1 } },
  });
  if (count !== 1) throw new InviteRefused();
}

/** The newest invites for the admin console (their tokens are not kept, so no links). */
export function listInvites(limit = 20) {
  return db.invite.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, maxUses: true, uses: true, expiresAt: true, createdAt: true },
  });
}
