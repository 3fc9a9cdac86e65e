"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { PageFrame } from "@/components/ui/page-frame";
import type { ShareView } from "@/lib/share/view";
import { revokeShare } from "./api";
import { CopyLinkButton } from "./copy-link-button";

function ShareRow({ share, onRevoked }: { share: ShareView; onRevoked: () => void }) {
  const t = useTranslations("share");
  const format = useFormatter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const revoke = async () => {
    setBusy(true);
    setFailure(null);
    const result = await revokeShare(share.id);
    setBusy(false);
    if (result.ok) onRevoked();
    else setFailure(result.code);
  };

  return (
    <li data-share-id={share.id} className="flex flex-col gap-1 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-0.5">
          <Link
            href={`/c/${encodeURIComponent(share.conversationId)}`}
            className="break-words font-medium underline"
          >
            {share.title}
          </Link>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("sharedAt", {
              date: format.dateTime(new Date(share.sharedAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
            {share.includeImages && ` · ${t("imagesIncluded")}`}
          </span>
          <a
            href={share.path}
            target="_blank"
            rel="noreferrer"
            className="break-all font-mono text-xs underline"
          >
            {share.path}
          </a>
        </div>
        <div className="flex items-center gap-2">
          <CopyLinkButton path={share.path} disabled={busy} />
          <button
            type="button"
            disabled={busy}
            onClick={revoke}
            className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-40 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
          >
            {t("revoke")}
          </button>
        </div>
      </div>
      {failure && (
        <p role="alert" data-error-code={failure} className="text-sm text-red-700 dark:text-red-300">
          {t.has(`errors.${failure}`) ? t(`errors.${failure}`) : t("errors.unknown")}
        </p>
      )}
    </li>
  );
}

/** The /shared island: the user's share links, each revocable. */
export function SharedLinks({ initial }: { initial: ShareView[] }) {
  const t = useTranslations("share.list");
  const [shares, setShares] = useState(initial);
  return (
    <PageFrame title={t("title")} backLabel={t("backToChat")} intro={t("intro")}>
      {shares.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {shares.map((share) => (
            <ShareRow
              key={share.id}
              share={share}
              onRevoked={() => setShares((current) => current.filter((other) => other.id !== share.id))}
            />
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
