"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/(auth)/actions";

interface AuthFormProps {
  mode: "login" | "register";
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  /** The token of the invite link the registration page was opened with. */
  invite?: string;
}

export function AuthForm({ mode, action, invite }: AuthFormProps) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex w-full max-w-sm flex-col gap-4" noValidate>
      <h1 className="text-2xl font-semibold">{t(mode === "login" ? "signInTitle" : "registerTitle")}</h1>
      {invite && <input type="hidden" name="invite" value={invite} />}
      <label className="flex flex-col gap-1 text-sm">
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state.email}
          className="rounded-md border border-zinc-300 px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete={mode === "login" ? "current-password" : "new-password"}
          required
          minLength={mode === "register" ? 8 : undefined}
          maxLength={200}
          className="rounded-md border border-zinc-300 px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      {state.error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {t(`errors.${state.error}`, { amount: state.wait?.amount ?? 0, unit: state.wait?.unit ?? "s" })}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-zinc-900 px-3 py-2 font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {t(mode === "login" ? "signIn" : "createAccount")}
      </button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {mode === "login" ? (
          <Link href="/register" className="underline">
            {t("needAccount")}
          </Link>
        ) : (
          <Link href="/login" className="underline">
            {t("haveAccount")}
          </Link>
        )}
      </p>
    </form>
  );
}
