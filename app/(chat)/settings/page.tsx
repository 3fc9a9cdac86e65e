import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SettingsView } from "@/components/settings/settings-view";
import { auth } from "@/lib/auth";
import { getUserSettings } from "@/lib/db/settings";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("chat.settings"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function SettingsPage() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const settings = await getUserSettings(userId);
  return <SettingsView searchConversations={settings.searchConversations} />;
}
