import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { KeyboardShortcuts } from "@/components/shortcuts/keyboard-shortcuts";
import { ConversationSidebar } from "@/components/sidebar/conversation-sidebar";
import { SIDEBAR_PAGE_SIZE, toSummary } from "@/components/sidebar/pages";
import { COLLAPSED, SIDEBAR_COOKIE } from "@/components/sidebar/preferences";
import { SidebarShell } from "@/components/sidebar/sidebar-shell";
import { IconSprite } from "@/components/ui/icon-sprite";
import { auth } from "@/lib/auth";
import { findActiveAdmin } from "@/lib/db/admin-users";
import { listConversations } from "@/lib/db/conversations";
import { env } from "@/lib/env";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/login");
  const [page, t, cookieStore, admin] = await Promise.all([
    listConversations(userId, { limit: SIDEBAR_PAGE_SIZE }),
    getTranslations("app"),
    cookies(),
    findActiveAdmin(userId),
  ]);
  const firstPage = { conversations: page.conversations.map(toSummary), nextCursor: page.nextCursor };
  return (
    <NextIntlClientProvider>
      <SidebarShell
        initiallyCollapsed={cookieStore.get(SIDEBAR_COOKIE)?.value === COLLAPSED}
        sidebar={<ConversationSidebar firstPage={firstPage} />}
        title={
          <>
            <span className="truncate font-semibold">{t("name")}</span>
            {env().demoMode && (
              <span
                title={t("demoExplanation")}
                className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
              >
                {t("demoBadge")}
              </span>
            )}
          </>
        }
        account={<AccountMenu email={session.user?.email ?? ""} isAdmin={admin !== null} />}
      >
        {children}
        <KeyboardShortcuts />
        <IconSprite />
      </SidebarShell>
    </NextIntlClientProvider>
  );
}
