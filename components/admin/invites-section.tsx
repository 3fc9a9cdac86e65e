"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type AdminFailure, createInvite } from "./api";
import { RefusalText } from "./refusal-text";

const control = "rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export interface InviteRow {
  id: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  createdAt: string;
}

/** New invite links (each shown once) and the newest ones with their uses and expiry. */
export function InvitesSection({ invites, now }: { invites: InviteRow[]; now: string }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const router = useRouter();
  const [uses, setUses] = useState("1");
  const [hours, setHours] = useState("72");
  const [link, setLink] = useState<string | null>(null);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const date = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby="admin-invites" className="flex flex-col gap-3">
      <h2 id="admin-invites" className="text-lg font-semibold">
        {t("invites")}
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await createInvite({ maxUses: uses, expiresInHours: hours });
            if (!result.ok) {
              setFailure(result);
              return;
            }
            setFailure(null);
            setLink(new URL(result.data.path, window.location.origin).toString());
            router.refresh();
          });
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("inviteUses")}
          <input
            inputMode="numeric"
            value={uses}
            onChange={(event) => setUses(event.target.value)}
            className={`${control} w-20`}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("inviteExpiresHours")}
          <input
            inputMode="decimal"
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            className={`${control} w-24`}
          />
        </label>
        <button type="submit" disabled={pending} className={control}>
          {t("createInvite")}
        </button>
      </form>
      <RefusalText failure={failure} />
      {link && (
        <label className="flex flex-col gap-1 text-sm">
          {t("inviteLink")}
          <input
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
            className={`${control} font-mono`}
          />
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("inviteShownOnce")}</span>
        </label>
      )}
      {invites.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noInvites")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {invites.map((invite) => (
            <li key={invite.id} data-invite-id={invite.id}>
              {date(invite.createdAt)} · {t("inviteUsage", { uses: invite.uses, max: invite.maxUses })} ·{" "}
              {invite.uses >= invite.maxUses
                ? t("inviteUsedUp")
                : invite.expiresAt <= now
                  ? t("inviteExpired")
                  : t("inviteExpires", { date: date(invite.expiresAt) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
