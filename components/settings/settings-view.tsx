"use client";

import { useTranslations } from "next-intl";
import { PageFrame } from "@/components/ui/page-frame";
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
    <PageFrame title={t("title")} backLabel={t("backToChat")}>
      <section aria-labelledby="settings-tools" className="flex flex-col gap-3">
        <h2 id="settings-tools" className="text-lg font-medium">
          {t("tools")}
        </h2>
        <SearchConversationsSetting initial={searchConversations} />
      </section>
      <ConnectorsSection initial={connectors} disabled={connectorsDisabled} />
    </PageFrame>
  );
}
