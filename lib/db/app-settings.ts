import "server-only";
import type { RegistrationMode, SettingsChange } from "@/lib/admin/schemas";
import { type Actor, type AuditInput, recordAudit } from "./audit";
import { db } from "./client";

export interface AppSettingsView {
  registrationMode: RegistrationMode;
  defaultBudgetUsd: number | null;
  /** false: only single sign-on signs in (see lib/auth/sign-in-methods.ts). */
  passwordSignIn: boolean;
}

const DEFAULTS: AppSettingsView = { registrationMode: "open", defaultBudgetUsd: null, passwordSignIn: true };

function view(row: AppSettingsView): AppSettingsView {
  return {
    registrationMode: row.registrationMode as RegistrationMode,
    defaultBudgetUsd: row.defaultBudgetUsd,
    passwordSignIn: row.passwordSignIn,
  };
}

/** The installation's settings (defaults until an admin changes one). */
export async function getAppSettings(): Promise<AppSettingsView> {
  const row = await db.appSettings.findUnique({ where: { id: 1 } });
  return row ? view(row as AppSettingsView) : DEFAULTS;
}

const onOff = (value: boolean) => (value ? "on" : "off");

function auditOf(before: AppSettingsView, change: SettingsChange): AuditInput {
  if ("registrationMode" in change)
    return {
      action: "registration_mode",
      detail: { from: before.registrationMode, to: change.registrationMode },
    };
  if ("passwordSignIn" in change)
    return {
      action: "password_sign_in",
      detail: { from: onOff(before.passwordSignIn), to: onOff(change.passwordSignIn) },
    };
  return { action: "default_budget", detail: { from: before.defaultBudgetUsd, to: change.defaultBudgetUsd } };
}

/** Changes one setting and records it in the audit log, together. */
export async function changeAppSettings(actor: Actor, change: SettingsChange): Promise<AppSettingsView> {
  return db.$transaction(async (tx) => {
    const before = (await tx.appSettings.findUnique({ where: { id: 1 } })) ?? DEFAULTS;
    const row = await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...change },
      update: change,
    });
    await recordAudit(tx, actor, auditOf(view(before as AppSettingsView), change));
    return view(row as AppSettingsView);
  });
}
