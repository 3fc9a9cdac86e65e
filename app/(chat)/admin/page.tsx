import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/admin/audit-log";
import { InvitesSection } from "@/components/admin/invites-section";
import { ProviderCredentials } from "@/components/admin/provider-credentials";
import { RateLimitsSection } from "@/components/admin/rate-limits";
import { RegistrationSettings } from "@/components/admin/registration-settings";
import { SsoSettings } from "@/components/admin/sso-settings";
import { TeamUsageSection } from "@/components/admin/team-usage";
import { UsersTable } from "@/components/admin/users-table";
import { PageFrame } from "@/components/ui/page-frame";
import { auditPageSchema } from "@/lib/admin/schemas";
import { adminForPage } from "@/lib/auth/admin";
import { listUsersForAdmin } from "@/lib/db/admin-users";
import { getAppSettings } from "@/lib/db/app-settings";
import { auditPage } from "@/lib/db/audit";
import { listInvites } from "@/lib/db/invites";
import { credentialStatus } from "@/lib/db/provider-credentials";
import { latestRateLimits } from "@/lib/db/rate-limits";
import { teamUsage } from "@/lib/db/team-usage";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("admin"), getTranslations("app")]);
  return { title: `${t("title")} · ${app("name")}` };
}

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<{ audit?: string | string[] }>;
}) {
  const admin = await adminForPage();
  const page = auditPageSchema.parse((await searchParams).audit);
  const now = new Date();
  const { provider, demoMode } = env();
  const [t, users, settings, invites, audit, usage, rateLimits, credentials] = await Promise.all([
    getTranslations("admin"),
    listUsersForAdmin(now),
    getAppSettings(),
    listInvites(),
    auditPage(page),
    teamUsage(now),
    latestRateLimits(),
    credentialStatus(provider.name),
  ]);
  return (
    <PageFrame title={t("title")} backLabel={t("backToChat")} width="wide">
      <UsersTable
        selfId={admin.id}
        users={users.map((user) => ({
          ...user,
          createdAt: user.createdAt.toISOString(),
          lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
        }))}
      />
      <TeamUsageSection
        perUser={users.map((user) => ({ email: user.email, costUsd: user.monthToDateUsd }))}
        usage={usage}
      />
      <RateLimitsSection latest={rateLimits} />
      <RegistrationSettings
        mode={settings.registrationMode}
        defaultBudgetUsd={settings.defaultBudgetUsd}
        closedByEnv={!env().REGISTRATION_OPEN}
      />
      <ProviderCredentials
        provider={provider.name}
        demoMode={demoMode}
        stored={credentials && { ...credentials, setAt: credentials.setAt.toISOString() }}
      />
      <SsoSettings ssoName={env().sso?.name ?? null} passwordSignIn={settings.passwordSignIn} />
      <InvitesSection
        now={now.toISOString()}
        invites={invites.map((invite) => ({
          ...invite,
          expiresAt: invite.expiresAt.toISOString(),
          createdAt: invite.createdAt.toISOString(),
        }))}
      />
      <AuditLog entries={audit.entries} page={page} hasOlder={audit.hasOlder} />
    </PageFrame>
  );
}
