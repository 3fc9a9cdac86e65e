import "server-only";
import type { RegistrationMode, SettingsChange } from "@/lib/admin/schemas";
import { type Actor, recordAudit } from "./audit";
import { db } from "./client";

export interface AppSettingsView {
  registrationMode: RegistrationMode;
  defaultBudgetUsd: number | null;
}

const DEFAULTS: AppSettingsView = { registrationMode: "open", defaultBudgetUsd: null };

/** The installation's settings (defaults until an admin changes one). */
export async function getAppSettings(): Promise<AppSettingsView> {
  const row = await db.appSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULTS;
  return {
    registrationMode: row.registrationMode as RegistrationMode,
    defaultBudgetUsd: row.defaultBudgetUsd,
  };
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
    if ("registrationMode" in change) {
      await recordAudit(tx, actor, {
        action: "registration_mode",
        detail: { from: before.registrationMode, to: change.registrationMode },
      });
    } else {
      await recordAudit(tx, actor, {
        action: "default_budget",
        detail: { from: before.defaultBudgetUsd, to: change.defaultBudgetUsd },
      });
    }
    return {
      registrationMode: row.registrationMode as RegistrationMode,
      defaultBudgetUsd: row.defaultBudgetUsd,
    };
  });
}
