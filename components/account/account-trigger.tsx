"use client";

import { useTranslations } from "next-intl";
import type { ButtonHTMLAttributes, Ref } from "react";

interface AccountTriggerProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  email: string;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The round "Account" button showing the email's first letter. The letter is drawn by CSS
 * (`data-initial`), so the button's text is only the email, kept for screen readers as its
 * description; the name stays "Account" (a visible email in a button named otherwise fails WCAG 2.5.3).
 */
export function AccountTrigger({ email, ref, className = "", ...props }: AccountTriggerProps) {
  const t = useTranslations("auth");
  return (
    <button
      ref={ref}
      type="button"
      aria-label={t("account")}
      aria-describedby="account-email"
      aria-haspopup="dialog"
      data-initial={(email.trim()[0] ?? "?").toUpperCase()}
      data-tooltip={t("account")}
      data-tooltip-side="bottom"
      className={`inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-orange-400 to-rose-500 text-sm font-semibold text-white shadow-sm ring-offset-2 ring-offset-white before:content-[attr(data-initial)] hover:brightness-105 data-[state=open]:ring-2 data-[state=open]:ring-zinc-300 dark:ring-offset-zinc-950 dark:data-[state=open]:ring-zinc-600 ${className}`}
      {...props}
    >
      <span id="account-email" className="sr-only">
        {email}
      </span>
    </button>
  );
}
