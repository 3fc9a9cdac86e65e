// The Credentials provider's check: throttle, then password, for the sign-in form, registration and
// a direct POST to /api/auth/callback/credentials alike.
import "server-only";
import { CredentialsSignin } from "next-auth";
import { addressGroup, clientAddress } from "@/lib/client-address";
import { findUserByEmail, noteSignIn, replacePasswordHash } from "@/lib/db/users";
import { sharedSignInGate } from "@/lib/scale/shared-stores";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";
import { memorySignInGate, type SignInGate } from "./sign-in-gate";
import { signInMethods } from "./sign-in-methods";

/** Refused before the password was looked at; `waitMs` says for how long. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly waitMs: number) {
    super();
  }
}

/** The password was right but an admin has disabled the account. */
export class DisabledSignIn extends CredentialsSignin {
  code = "disabled";
}

/** An admin has turned password sign-in off: only single sign-on signs in. */
export class PasswordSignInOff extends CredentialsSignin {
  code = "password_sign_in_off";
}

// Checked for unknown emails so that the answer takes as long as for a real account (same format).
const DUMMY_HASH = "hmac-sha256:$2b$11$cG9Ry7p2rSfBGQCt5eyqJejEKWoH6wze8tVwEdZmLxLRiz6zA4Hc2";

const globalForGate = globalThis as unknown as { signInGate?: SignInGate };

/** Failed sign-ins are counted in Redis or PostgreSQL when several instances may run, else in memory. */
function signInGate(): SignInGate {
  globalForGate.signInGate ??= sharedSignInGate() ?? memorySignInGate;
  return globalForGate.signInGate;
}

export async function authorizeCredentials(rawCredentials: unknown, request: Request) {
  if (!(await signInMethods()).password) throw new PasswordSignInOff();
  const parsed = credentialsSchema.safeParse(rawCredentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const group = addressGroup(clientAddress(request.headers));
  const waitMs = await signInGate().begin(email, group);
  if (waitMs > 0) throw new ThrottledSignIn(waitMs);
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  await signInGate().succeeded(email, group);
  // Said only to whoever knows the password, so it reveals nothing about the account to others.
  if (user.status !== "active") throw new DisabledSignIn();
  await noteSignIn(user);
  if (needsRehash(user.passwordHash)) await replacePasswordHash(user.id, await hashPassword(password));
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
