// Sessions that really end. A session token (a 30-day JWT) carries the user's session version from
// sign-in (`sv`); signing out, changing the password or an admin disabling the account bumps the
// version in the database, and every authenticated request compares the two (one primary-key read).

/** The version a token was issued with; tokens from before versions existed count as version 0. */
export function tokenSessionVersion(token: Record<string, unknown>): number {
  return typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : 0;
}
