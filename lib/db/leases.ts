// Named leases: a job that must run on one app instance at a time (the batch poller) runs where the
// lease is held. Taking it is one conditional write (free, expired, or already ours), so two
// instances can never both hold it; a holder that stops renewing loses it at `expiresAt`.
import "server-only";
import { db } from "./client";

/** Takes or renews the lease for `ttlMs`; false while another holder's lease is unexpired. */
export async function acquireLease(name: string, holder: string, ttlMs: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await db.workerLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db.workerLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // Someone else holds it (the row exists) or created it at the same moment.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up at once (a clean shutdown), so another instance need not wait for it to expire. */
export async function releaseLease(name: string, holder: string) {
  await db.workerLease.deleteMany({ where: { name, holder } });
}
