"use client";

import { useFormStatus } from "react-dom";
import { signInWithSsoProvider } from "@/app/(auth)/actions";

function SsoButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md border border-zinc-300 px-3 py-2 font-medium disabled:opacity-60 dark:border-zinc-700"
    >
      {label}
    </button>
  );
}

/** The single sign-on button; `error` (translated on the server) is why the last attempt came back. */
export function SsoSignIn({ label, error }: { label: string; error?: string }) {
  return (
    <form action={signInWithSsoProvider} className="flex w-full max-w-sm flex-col gap-4">
      {error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <SsoButton label={label} />
    </form>
  );
}
