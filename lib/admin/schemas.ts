// What admins may send: each value checked here, shared by the routes and the forms. Messages are
// keys of the "admin.errors" catalogue section.
import { z } from "zod";

export const ROLES = ["user", "admin"] as const;
export const STATUSES = ["active", "disabled"] as const;
export const REGISTRATION_MODES = ["open", "closed", "invite"] as const;

export type Role = (typeof ROLES)[number];
export type Status = (typeof STATUSES)[number];
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** A budget above this is a typo, not a budget. */
export const MAX_BUDGET_USD = 1_000_000;

/**
 * A monthly budget in USD from a form field or JSON: a number of dollars with at most cents, from
 * 0 to MAX_BUDGET_USD; empty (or null) means no budget.
 */
export const budgetSchema = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") return value;
    const text = value.trim();
    return text === "" ? null : Number(text);
  },
  z
    .number({ message: "budgetNotNumber" })
    .refine(Number.isFinite, { message: "budgetNotNumber" })
    .min(0, { message: "budgetNegative" })
    .max(MAX_BUDGET_USD, { message: "budgetTooLarge" })
    .refine((usd) => Math.abs(usd * 100 - Math.round(usd * 100)) < 1e-6, { message: "budgetCents" })
    .nullable(),
);

export const userChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: z.enum(ROLES, { message: "roleInvalid" }) }),
  z.object({ change: z.literal("status"), status: z.enum(STATUSES, { message: "statusInvalid" }) }),
  z.object({ change: z.literal("budget"), monthlyBudgetUsd: budgetSchema }),
]);
export type UserChange = z.infer<typeof userChangeSchema>;

export const settingsChangeSchema = z.union([
  z.object({ registrationMode: z.enum(REGISTRATION_MODES, { message: "modeInvalid" }) }).strict(),
  z.object({ defaultBudgetUsd: budgetSchema }).strict(),
  z.object({ passwordSignIn: z.boolean({ message: "passwordSignInInvalid" }) }).strict(),
]);
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

export const MAX_INVITE_USES = 1000;
export const MAX_INVITE_DAYS = 90;

export const inviteSchema = z.object({
  maxUses: z.coerce
    .number({ message: "usesInvalid" })
    .int({ message: "usesInvalid" })
    .min(1, { message: "usesInvalid" })
    .max(MAX_INVITE_USES, { message: "usesInvalid" }),
  expiresInHours: z.coerce
    .number({ message: "expiryInvalid" })
    .positive({ message: "expiryInvalid" })
    .max(MAX_INVITE_DAYS * 24, { message: "expiryInvalid" }),
});
export type InviteRequest = z.infer<typeof inviteSchema>;

export const auditPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
