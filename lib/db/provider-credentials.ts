// The provider credentials an admin stored (one row per provider), sealed (lib/credentials/). The
// model seam reads the sealed value on every request, so a change reaches every instance at once.
import "server-only";
import type { ProviderName } from "@/lib/model/provider-models";
import { type Actor, recordAudit } from "./audit";
import { db } from "./client";

export interface StoredCredentialStatus {
  fingerprint: string;
  setByEmail: string;
  setAt: Date;
}

/** The sealed credentials of the provider, or null: the environment's are used. One primary-key read. */
export async function sealedCredential(provider: ProviderName): Promise<string | null> {
  const row = await db.providerCredential.findUnique({ where: { provider }, select: { sealed: true } });
  return row?.sealed ?? null;
}

/** Who stored the provider's credentials and when, with their fingerprint; null when none are stored. */
export function credentialStatus(provider: ProviderName): Promise<StoredCredentialStatus | null> {
  return db.providerCredential.findUnique({
    where: { provider },
    select: { fingerprint: true, setByEmail: true, setAt: true },
  });
}

/** Stores (or replaces) the provider's credentials and records the change, together. */
export async function storeCredential(
  actor: Actor,
  provider: ProviderName,
  stored: { sealed: string; fingerprint: string },
): Promise<StoredCredentialStatus> {
  return db.$transaction(async (tx) => {
    const before = await tx.providerCredential.findUnique({
      where: { provider },
      select: { fingerprint: true },
    });
    const data = { ...stored, setById: actor.id, setByEmail: actor.email, setAt: new Date() };
    const row = await tx.providerCredential.upsert({
      where: { provider },
      create: { provider, ...data },
      update: data,
      select: { fingerprint: true, setByEmail: true, setAt: true },
    });
    await recordAudit(tx, actor, {
      action: "provider_credentials",
      detail: { provider, from: before?.fingerprint ?? "environment", to: stored.fingerprint },
    });
    return row;
  });
}

/** Removes the stored credentials (the environment's apply again); false when none were stored. */
export async function removeCredential(actor: Actor, provider: ProviderName): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const removed = await tx.providerCredential.deleteMany({ where: { provider } });
    if (removed.count === 0) return false;
    await recordAudit(tx, actor, {
      action: "provider_credentials",
      detail: { provider, from: "stored", to: "environment" },
    });
    return true;
  });
}
