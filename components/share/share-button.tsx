"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";

// The dialog loads when first opened: the chat page's first load stays light.
const ShareDialog = lazy(() => import("./share-dialog").then((module) => ({ default: module.ShareDialog })));

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
      {open && (
        <Suspense fallback={null}>
          <ShareDialog conversationId={conversationId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
