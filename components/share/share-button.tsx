"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ShareDialog } from "./share-dialog";

/** The conversation bar's Share button and its dialog. */
export function ShareButton({ conversationId }: { conversationId: string }) {
  const t = useTranslations("share");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {t("share")}
      </button>
      {open && <ShareDialog conversationId={conversationId} onClose={() => setOpen(false)} />}
    </>
  );
}
