// Who a single sign-on is: the account already linked to the identity provider's subject, else the
// account with the same email (linked only when the provider vouches for the email), else a new
// account. Refusals are keys of the "auth.errors" catalogue section.
import { z } from "zod";
import { emailSchema } from "./schemas";

export interface SsoIdentity {
  /** The issuer, a space, and the provider's `sub`: unique across providers. */
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export interface SsoAccount {
  id: string;
  status: string;
  ssoSubject: string | null;
}

export type SsoRefusal = "accountDisabled" | "ssoNoEmail" | "ssoEmailUnverified" | "ssoLinkedElsewhere";

export type SsoDecision =
  | { kind: "signIn"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; email: string }
  | { kind: "refuse"; reason: SsoRefusal };

// Some providers send email_verified as the string "true".
const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: emailSchema.optional().catch(undefined),
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .optional()
    .catch(undefined),
});

/** The identity in an ID token's claims, or null when they carry no usable subject. */
export function ssoIdentity(issuer: string, claims: unknown): SsoIdentity | null {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  return {
    subject: `${issuer} ${parsed.data.sub}`,
    email: parsed.data.email ?? null,
    emailVerified: parsed.data.email_verified === true,
  };
}

/**
 * `linked`: the account whose ssoSubject is the identity's subject; `sameEmail`: the account with
 * the identity's email. New accounts need a verified email too: the email names the account (an
 * ADMIN_EMAILS entry makes it an admin, a later password registration of that email is refused).
 */
export function decideSsoSignIn(
  identity: SsoIdentity,
  linked: SsoAccount | null,
  sameEmail: SsoAccount | null,
): SsoDecision {
  if (linked) {
    return linked.status === "active"
      ? { kind: "signIn", userId: linked.id }
      : { kind: "refuse", reason: "accountDisabled" };
  }
  if (!identity.email) return { kind: "refuse", reason: "ssoNoEmail" };
  if (!identity.emailVerified) return { kind: "refuse", reason: "ssoEmailUnverified" };
  if (!sameEmail) return { kind: "create", email: identity.email };
  if (sameEmail.ssoSubject !== null) return { kind: "refuse", reason: "ssoLinkedElsewhere" };
  if (sameEmail.status !== "active") return { kind: "refuse", reason: "accountDisabled" };
  return { kind: "link", userId: sameEmail.id };
}

const REFUSALS: readonly string[] = [
  "accountDisabled",
  "ssoNoEmail",
  "ssoEmailUnverified",
  "ssoLinkedElsewhere",
] satisfies SsoRefusal[];

/**
 * The "auth.errors" key for the sign-in page's `error` parameter: a refusal named by the sign-in
 * callback, or "ssoFailed" for anything Auth.js reports (a failed callback, a misconfiguration).
 * A failed password sign-in (CredentialsSignin) is the form's to explain.
 */
export function ssoErrorKey(param: unknown): string | undefined {
  if (typeof param !== "string" || param === "" || param === "CredentialsSignin") return undefined;
  return REFUSALS.includes(param) ? param : "ssoFailed";
}
