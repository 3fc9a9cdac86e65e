import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PresetsManager } from "@/components/presets/presets-manager";
import { auth } from "@/lib/auth";
import { listPresets } from "@/lib/db/presets";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("presets"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function PresetsPage() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  return <PresetsManager initialPresets={await listPresets(userId)} />;
}
