"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ConnectorView } from "@/lib/connectors/schema";
import { ConnectorsSection } from "./connectors-section";
import { SearchConversationsSetting } from "./search-conversations-setting";

/** The /settings island: the user's preferences, each saved as it changes, and their connectors. */
export function SettingsView({
  searchConversations,
  connectors,
  connectorsDisabled,
}: {
  searchConversations: boolean;
  connectors: ConnectorView[];
  /** The admin turned connectors off (DISABLED_TOOLS): a note instead of the form. */
  connectorsDisabled: boolean;
}) {
  const t = useTranslations("chat.settings");
  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-4">
        <Link href="/" className="self-start text-sm underline">
          ← {t("backToChat")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <section aria-labelledby="settings-tools" className="flex flex-col gap-3">
          <h2 id="settings-tools" className="text-lg font-medium">
            {t("tools")}
          </h2>
          <SearchConversationsSetting initial={searchConversations} />
        </section>
        <ConnectorsSection initial={connectors} disabled={connectorsDisabled} />
      </div>
    </main>
  );
}
