// The admin console's users: the table (one query for the users, one grouped ledger query for
// their month-to-date spend) and the changes admins make, each recorded in the audit log in the
// same transaction.
import "server-only";
import type { UserChange } from "@/lib/admin/schemas";
import { monthStartUtc } from "@/lib/budget/month";
import { type Actor, type AuditInput, recordAudit } from "./audit";
import { db } from "./client";
import { usageDay } from "./usage";
import { isWriteConflict } from "./users";

/** Most users the table shows (small teams; the newest are left out past this). */
export const MAX_LISTED_USERS = 1000;

export interface AdminUserRow {
  id: string;
  email: string;
  role: string;
  status: string;
  monthlyBudgetUsd: number | null;
  createdAt: Date;
  lastActiveAt: Date | null;
  monthToDateUsd: number;
}

export async function listUsersForAdmin(now: Date = new Date()): Promise<AdminUserRow[]> {
  const [users, spend] = await Promise.all([
    db.user.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_LISTED_USERS,
      select: {
        id: true,
        email: true,
        role: true,
        status: true,
        monthlyBudgetUsd: true,
        createdAt: true,
        lastActiveAt: true,
      },
    }),
    monthToDatePerUser(now),
  ]);
  return users.map((user) => ({ ...user, monthToDateUsd: spend.get(user.id) ?? 0 }));
}

/** Month-to-date spend of every user with any: one grouped query over the month's daily roll-ups. */
export async function monthToDatePerUser(now: Date = new Date()): Promise<Map<string, number>> {
  const groups = await db.usageDaily.groupBy({
    by: ["userId"],
    where: { day: { gte: usageDay(monthStartUtc(now)) } },
    _sum: { costUsd: true },
  });
  return new Map(groups.map((group) => [group.userId, group._sum.costUsd ?? 0]));
}

/** Why a change was refused. */
export type ChangeRefusal = "not_found:user" | "conflict:last_admin" | "forbidden:self";

class Refused extends Error {
  constructor(readonly code: ChangeRefusal) {
    super(code);
  }
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Admins who can still act: those with the role whose account is enabled. */
function activeAdminsOtherThan(tx: Tx, userId: string) {
  return tx.user.count({ where: { role: "admin", status: "active", id: { not: userId } } });
}

async function applyChange(
  tx: Tx,
  actor: Actor,
  targetId: string,
  change: UserChange,
): Promise<AuditInput | null> {
  const target = await tx.user.findUnique({
    where: { id: targetId },
    select: { id: true, email: true, role: true, status: true, monthlyBudgetUsd: true },
  });
  if (!target) throw new Refused("not_found:user");
  const who = { id: target.id, email: target.email };
  switch (change.change) {
    case "role": {
      if (change.role === target.role) return null;
      if (target.role === "admin" && (await activeAdminsOtherThan(tx, target.id)) === 0)
        throw new Refused("conflict:last_admin");
      await tx.user.update({ where: { id: target.id }, data: { role: change.role }, select: { id: true } });
      return { action: "role", target: who, detail: { from: target.role, to: change.role } };
    }
    case "status": {
      if (change.status === target.status) return null;
      if (change.status === "disabled") {
        if (target.id === actor.id) throw new Refused("forbidden:self");
        if (target.role === "admin" && (await activeAdminsOtherThan(tx, target.id)) === 0)
          throw new Refused("conflict:last_admin");
      }
      await tx.user.update({
        where: { id: target.id },
        // Disabling ends the user's sessions at once (see lib/auth/session-version.ts).
        data: {
          status: change.status,
          ...(change.status === "disabled" ? { sessionVersion: { increment: 1 } } : {}),
        },
        select: { id: true },
      });
      return { action: "status", target: who, detail: { from: target.status, to: change.status } };
    }
    case "budget": {
      if (change.monthlyBudgetUsd === target.monthlyBudgetUsd) return null;
      await tx.user.update({
        where: { id: target.id },
        data: { monthlyBudgetUsd: change.monthlyBudgetUsd },
        select: { id: true },
      });
      return {
        action: "budget",
        target: who,
        detail: { from: target.monthlyBudgetUsd, to: change.monthlyBudgetUsd },
      };
    }
  }
}

/**
 * Applies an admin's change to a user and records it, or says why it was refused. Serializable:
 * two admins demoting each other at once cannot both succeed and leave no admin.
 */
export async function changeUser(
  actor: Actor,
  targetId: string,
  change: UserChange,
): Promise<{ ok: true; changed: boolean } | { ok: false; code: ChangeRefusal }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const changed = await db.$transaction(
        async (tx) => {
          const audit = await applyChange(tx, actor, targetId, change);
          if (audit) await recordAudit(tx, actor, audit);
          return audit !== null;
        },
        { isolationLevel: "Serializable" },
      );
      return { ok: true, changed };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, code: error.code };
      if (!isWriteConflict(error) || attempt >= 4) throw error;
    }
  }
}

/** The signed-in user as an admin, or null when not an enabled admin. */
export function findActiveAdmin(userId: string) {
  return db.user.findFirst({
    where: { id: userId, role: "admin", status: "active" },
    select: { id: true, email: true },
  });
}
