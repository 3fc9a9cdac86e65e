import "server-only";
import type { Db } from "./client";
import { db } from "./client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type AuditAction =
  | "role"
  | "status"
  | "budget"
  | "default_budget"
  | "registration_mode"
  | "password_sign_in"
  | "invite"
  | "provider_credentials";

export interface Actor {
  id: string;
  email: string;
}

export interface AuditInput {
  action: AuditAction;
  target?: { id: string; email: string };
  /** What changed: { from, to }, or the invite's details. */
  detail: Record<string, unknown>;
}

/** Records an admin action; called inside the transaction that makes the change. */
export function recordAudit(tx: Tx, actor: Actor, input: AuditInput) {
  return tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.action,
      targetId: input.target?.id ?? null,
      targetEmail: input.target?.email ?? null,
      detail: JSON.stringify(input.detail),
    },
    select: { id: true },
  });
}

export const AUDIT_PAGE_SIZE = 20;

export interface AuditEntry {
  id: string;
  actorEmail: string;
  action: string;
  targetEmail: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
}

/** One page (1-based) of the audit log, newest first, and whether an older page exists. */
export async function auditPage(page: number): Promise<{ entries: AuditEntry[]; hasOlder: boolean }> {
  const rows = await db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, actorEmail: true, action: true, targetEmail: true, detail: true, createdAt: true },
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({ ...row, detail: parseDetail(row.detail) })),
    hasOlder: rows.length > AUDIT_PAGE_SIZE,
  };
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
