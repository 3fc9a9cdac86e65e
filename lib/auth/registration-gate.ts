// Who may register: nobody (closed, or REGISTRATION_OPEN=false), anybody (open), or the holders of
// an invite link (invite). A link that is followed must be usable in every mode: each registration
// takes one of its uses, and an expired or used-up link is refused rather than ignored.
import type { RegistrationMode } from "@/lib/admin/schemas";
import { inviteTokenSchema } from "./schemas";

/** `error` is a key of the "auth.errors" catalogue section. */
export type Gate = { ok: true; inviteToken?: string } | { ok: false; error: string };

export function registrationGate(
  envOpen: boolean,
  mode: RegistrationMode,
  /** The form's `invite` field, when the page was opened from an invite link. */
  presented: unknown,
): Gate {
  if (!envOpen || mode === "closed") return { ok: false, error: "registrationClosed" };
  if (presented !== null && presented !== undefined && presented !== "") {
    const token = inviteTokenSchema.safeParse(presented);
    return token.success ? { ok: true, inviteToken: token.data } : { ok: false, error: "inviteInvalid" };
  }
  return mode === "invite" ? { ok: false, error: "inviteRequired" } : { ok: true };
}
