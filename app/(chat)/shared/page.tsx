import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SharedLinks } from "@/components/share/shared-links";
import { auth } from "@/lib/auth";
import { listShares } from "@/lib/db/shares";
import { toShareView } from "@/lib/share/view";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("share.list"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function SharedLinksPage() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const shares = await listShares(userId);
  return <SharedLinks initial={shares.map(toShareView)} />;
}
