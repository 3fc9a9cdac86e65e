import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { SharedConversation } from "@/components/share/shared-conversation";
import { findSharedConversation } from "@/lib/db/shares";
import { shareTokenSchema } from "@/lib/share/token";

interface Props {
  params: Promise<{ token: string }>;
}

export const dynamic = "force-dynamic";

const load = cache((token: string) =>
  shareTokenSchema.safeParse(token).success ? findSharedConversation(token) : Promise.resolve(null),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [shared, t, app] = await Promise.all([
    params.then(({ token }) => load(token)),
    getTranslations("share.page"),
    getTranslations("app"),
  ]);
  return {
    title: `${shared?.title ?? t("notFoundTitle")} · ${app("name")}`,
    robots: { index: false, follow: false },
  };
}

/** A shared conversation, public to whoever holds the link (proxy.ts lets it through signed out). */
export default async function SharedPage({ params }: Props) {
  const { token } = await params;
  const shared = await load(token);
  if (!shared) notFound();
  return (
    <SharedConversation
      token={token}
      title={shared.title}
      sharedAt={shared.sharedAt}
      includeImages={shared.includeImages}
      messages={shared.messages}
    />
  );
}
