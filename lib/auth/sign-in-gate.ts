// Where failed sign-ins are counted: this process's memory (one instance), or PostgreSQL / Redis
// shared by every instance, so that adding an instance does not add guesses. Same rules and keys
// as throttle.ts: (email, address) and the address alone.
import type { BackoffRule } from "./throttle";
import { beginSignIn, SIGN_IN_RULES, signInSucceeded } from "./throttle";

export interface SignInGate {
  /** Before a password is checked: the wait in ms when refused, else 0 (and the attempt counts as a failure). */
  begin(email: string, addressGroup: string): Promise<number>;
  /** The attempt succeeded: forget the pair's failures and take back the address's one. */
  succeeded(email: string, addressGroup: string): Promise<void>;
}

export const memorySignInGate: SignInGate = {
  begin: async (email, addressGroup) => beginSignIn(email, addressGroup),
  succeeded: async (email, addressGroup) => signInSucceeded(email, addressGroup),
};

/** The two keys of an attempt, each with its rule; the pair first. */
export function gateKeys(email: string, addressGroup: string): [string, BackoffRule][] {
  return [
    [`pair:${addressGroup}:${email}`, SIGN_IN_RULES.emailAndAddress],
    [`address:${addressGroup}`, SIGN_IN_RULES.address],
  ];
}
