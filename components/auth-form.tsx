"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/(auth)/actions";

/** The form's words, translated on the server so that these pages load no translation runtime. */
export interface AuthFormText {
  title: string;
  email: string;
  password: string;
  submit: string;
  switchLink: string;
}

interface AuthFormProps {
  mode: "login" | "register";
  text: AuthFormText;
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  /** The token of the invite link the registration page was opened with. */
  invite?: string;
}

export function AuthForm({ mode, text, action, invite }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex w-full max-w-sm flex-col gap-4" noValidate>
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      {invite && <input type="hidden" name="invite" value={invite} />}
      <label className="flex flex-col gap-1 text-sm">
        {text.email}
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
        {text.password}
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
      {state.message && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-zinc-900 px-3 py-2 font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {text.submit}
      </button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={mode === "login" ? "/register" : "/login"} className="underline">
          {text.switchLink}
        </Link>
      </p>
    </form>
  );
}
