"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type AdminFailure, changeSettings } from "./api";
import { RefusalText } from "./refusal-text";

interface Props {
  /** The identity provider's name, or null when OIDC_* is not set. */
  ssoName: string | null;
  passwordSignIn: boolean;
}

/** Single sign-on's state and the switch that turns password sign-in off (saved at once). */
export function SsoSettings({ ssoName, passwordSignIn: savedPasswordSignIn }: Props) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [passwordSignIn, setPasswordSignIn] = useState(savedPasswordSignIn);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const save = (on: boolean) => {
    setPasswordSignIn(on);
    startTransition(async () => {
      const result = await changeSettings({ passwordSignIn: on });
      if (!result.ok) setPasswordSignIn(!on);
      setFailure(result.ok ? null : result);
      setSaved(result.ok);
      if (result.ok) router.refresh();
    });
  };

  return (
    <section aria-labelledby="admin-sso" className="flex flex-col gap-3">
      <h2 id="admin-sso" className="text-lg font-semibold">
        {t("sso")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {ssoName ? t("ssoConfigured", { name: ssoName }) : t("ssoNotConfigured")}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={passwordSignIn}
            disabled={pending || (ssoName === null && passwordSignIn)}
            onChange={(event) => save(event.target.checked)}
          />
          {t("passwordSignIn")}
        </label>
        {saved && <span className="text-xs text-green-700 dark:text-green-400">{t("saved")}</span>}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("passwordSignInHint")}</p>
      <RefusalText failure={failure} />
    </section>
  );
}
