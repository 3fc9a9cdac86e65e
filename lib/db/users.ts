import "server-only";
import { env } from "@/lib/env";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { STARTER_PRESETS } from "@/lib/presets/starters";
import { db } from "./client";
import { consumeInvite } from "./invites";

export function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email } });
}

export function findUserBySsoSubject(ssoSubject: string) {
  return db.user.findUnique({ where: { ssoSubject } });
}

/** Links the identity provider's subject to an account that has none yet; false when it has one. */
export async function linkSsoSubject(userId: string, ssoSubject: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, ssoSubject: null },
    data: { ssoSubject },
  });
  return count > 0;
}

/** Prisma reports a serialization failure as P2034, or (through driver adapters) as a bare TransactionWriteConflict. */
export function isWriteConflict(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === "P2034" || /TransactionWriteConflict|could not serialize|deadlock/i.test(message ?? "");
}

/** True when ADMIN_EMAILS lists the email. */
export function isListedAdmin(email: string): boolean {
  return env().ADMIN_EMAILS.includes(email.toLowerCase());
}

export interface NewUserOptions {
  /** The language of the starter presets. */
  locale?: Locale;
  /** An invite link's token: one of its uses is taken with the account (InviteRefused when none is left). */
  inviteToken?: string;
  /** The identity provider's subject of an account created by single sign-on. */
  ssoSubject?: string;
}

/**
 * Creates a user with the starter presets and the default monthly budget; the first user of the
 * installation and the emails in ADMIN_EMAILS become admins. Throws Prisma P2002 on a taken email
 * (an invite's use is then not taken) and InviteRefused for an unusable invite.
 */
export async function createUser(
  email: string,
  passwordHash: string,
  options: NewUserOptions = {},
): Promise<{ id: string; email: string; role: string; sessionVersion: number }> {
  const locale = options.locale ?? defaultLocale;
  for (let attempt = 0; ; attempt++) {
    try {
      // Serializable: two first registrations at once must not both see zero users and both become admin.
      return await db.$transaction(
        async (tx) => {
          if (options.inviteToken !== undefined) await consumeInvite(tx, options.inviteToken);
          const isFirst = (await tx.user.count()) === 0;
          const settings = await tx.appSettings.findUnique({
            where: { id: 1 },
            select: { defaultBudgetUsd: true },
          });
          const user = await tx.user.create({
            data: {
              email,
              passwordHash,
              ssoSubject: options.ssoSubject ?? null,
              role: isFirst || isListedAdmin(email) ? "admin" : "user",
              monthlyBudgetUsd: settings?.defaultBudgetUsd ?? null,
            },
            select: { id: true, email: true, role: true, sessionVersion: true },
          });
          await tx.preset.createMany({
            data: STARTER_PRESETS[locale].map((preset) => ({ ...preset, userId: user.id })),
          });
          return user;
        },
        { isolationLevel: "Serializable" },
      );
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= 2) throw error;
    }
  }
}

/** Signing in: an account listed in ADMIN_EMAILS becomes admin, and the user is noted as active. */
export async function noteSignIn(user: { id: string; email: string; role: string }): Promise<void> {
  const promote = user.role !== "admin" && isListedAdmin(user.email);
  await db.user.update({
    where: { id: user.id },
    data: { lastActiveAt: new Date(), ...(promote ? { role: "admin" } : {}) },
    select: { id: true },
  });
}

/** The user's current session version (sessions carrying another one have ended), or null for no such user. */
export async function findSessionVersion(userId: string): Promise<number | null> {
  // Raw SQL: every authenticated request makes this read, and findUnique spends ~0.9 ms building
  // the query where this takes ~0.3 ms (SQLite, measured in tests/db/sessions.ts).
  const rows = await db.$queryRaw<{ sessionVersion: number | bigint }[]>`
    SELECT "sessionVersion" FROM "User" WHERE "id" = ${userId}`;
  const version = rows[0]?.sessionVersion;
  return version === undefined ? null : Number(version);
}

/**
 * Ends every session of the user (sign-out, password change, an admin disabling the account). With
 * `onlyIfVersion`, only while that is still the current version: a session that has already ended
 * cannot end the newer ones. True when the version was bumped.
 */
export async function revokeSessions(userId: string, onlyIfVersion?: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, ...(onlyIfVersion === undefined ? {} : { sessionVersion: onlyIfVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
  return count > 0;
}

/** Replaces the stored hash of the same password (a format upgrade): sessions stay valid. */
export async function replacePasswordHash(userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
}
