"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { LinkIcon } from "@/components/ui/icons";
import { absoluteLink } from "./api";

export const shareButtonClass = `${button.secondary} ${buttonSize.sm}`;

/** Copies a share link; says "Copied" for a moment when the clipboard took it. */
export function CopyLinkButton({ path, disabled = false }: { path: string; disabled?: boolean }) {
  const t = useTranslations("share");
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          void navigator.clipboard?.writeText(absoluteLink(path)).then(
            () => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            },
            // No clipboard permission: the link stays in its text box to copy by hand.
            () => setCopied(false),
          );
        }}
        className={shareButtonClass}
      >
        <LinkIcon aria-hidden="true" className="size-3.5" />
        {t("copyLink")}
      </button>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-300">
        {copied ? t("copied") : ""}
      </span>
    </span>
  );
}
