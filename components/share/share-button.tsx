"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { ShareIcon } from "@/components/ui/icons";

// The dialog loads when first opened: the chat page's first load stays light.
const ShareDialog = lazy(() => import("./share-dialog").then((module) => ({ default: module.ShareDialog })));

/** The header's Share button and its dialog. */
export function ShareButton({ conversationId }: { conversationId: string }) {
  const t = useTranslations("share");
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton
        icon={ShareIcon}
        label={t("share")}
        tooltip="bottom"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      />
      {open && (
        <Suspense fallback={null}>
          <ShareDialog conversationId={conversationId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
