import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SettingsView } from "@/components/settings/settings-view";
import { auth } from "@/lib/auth";
import { listConnectors } from "@/lib/db/connectors";
import { getUserSettings } from "@/lib/db/settings";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("chat.settings"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function SettingsPage() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const [settings, connectors] = await Promise.all([getUserSettings(userId), listConnectors(userId)]);
  return (
    <SettingsView
      searchConversations={settings.searchConversations}
      connectors={connectors}
      connectorsDisabled={env().DISABLED_TOOLS.includes("connectors")}
    />
  );
}
