import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UsageView } from "@/components/usage/usage-view";
import { auth } from "@/lib/auth";
import { usageReport } from "@/lib/db/usage";
import { dayStarts, periodQuerySchema, resolvePeriod } from "@/lib/usage/period";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("usage"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const params = await searchParams;
  const query = periodQuerySchema.parse(
    Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    ),
  );
  const result = resolvePeriod(query);
  const report = result.ok
    ? await usageReport(userId, { ...result.period, days: dayStarts(result.period) })
    : null;
  return <UsageView query={query} result={result} report={report} />;
}
