import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchesView } from "@/components/batches/batches-view";
import { auth } from "@/lib/auth";
import { toBatchView } from "@/lib/batches/view";
import { listBatches } from "@/lib/db/batches";
import { listPresetOptions } from "@/lib/db/presets";
import { env } from "@/lib/env";
import { defaultModelId, listModels } from "@/lib/model/models";
import { providerLacks, providerName } from "@/lib/model/providers";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("batches"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function BatchesPage() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const [batches, { models }, presets] = await Promise.all([
    listBatches(userId),
    listModels(),
    listPresetOptions(userId),
  ]);
  return (
    <BatchesView
      initialBatches={batches.map(toBatchView)}
      models={models.map((m) => ({ id: m.id, name: m.displayName }))}
      defaultModel={defaultModelId(models)}
      presets={presets.map((p) => ({ id: p.id, name: p.name }))}
      unavailable={env().demoMode ? "demo" : providerLacks("batches") ? providerName() : null}
    />
  );
}
