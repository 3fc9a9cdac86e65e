import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { ConversationList } from "@/components/conversation-list";
import { auth } from "@/lib/auth";
import { listConversations } from "@/lib/db/conversations";
import { env } from "@/lib/env";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/login");
  const [conversations, t] = await Promise.all([listConversations(userId), getTranslations("app")]);
  return (
    <div className="flex h-dvh">
      <aside className="hidden w-64 shrink-0 flex-col border-r border-zinc-200 md:flex dark:border-zinc-800">
        <ConversationList conversations={conversations} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <div className="flex items-center gap-2">
            <span className="font-semibold">{t("name")}</span>
            {env().demoMode && (
              <span
                title={t("demoExplanation")}
                className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
              >
                {t("demoBadge")}
              </span>
            )}
          </div>
          <AccountMenu email={session.user?.email ?? ""} />
        </header>
        {children}
      </div>
    </div>
  );
}
