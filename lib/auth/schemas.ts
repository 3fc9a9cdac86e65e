// Messages are keys of the "auth.errors" catalogue section, translated where they are shown.
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: "emailTooLong" })
  .pipe(z.email({ message: "emailInvalid" }));

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "passwordMissing" }).max(200, { message: "passwordTooLong" }),
});

export const registrationSchema = z.object({
  email: emailSchema,
  password: z.string().min(8, { message: "passwordTooShort" }).max(200, { message: "passwordTooLong" }),
});

/** An invite link's token (base64url); anything else is no invite. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
