import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-8 p-6">
      <header className="flex flex-col items-center gap-1 text-center">
        <div className="text-xl font-semibold tracking-tight">{t("name")}</div>
        <div className="text-sm text-zinc-600 dark:text-zinc-400">{t("tagline")}</div>
      </header>
      <main className="flex w-full justify-center">{children}</main>
    </div>
  );
}
