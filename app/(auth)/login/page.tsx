import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { SsoSignIn } from "@/components/sso-sign-in";
import { auth } from "@/lib/auth";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { ssoErrorKey } from "@/lib/auth/sso-decision";
import { login } from "../actions";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  if ((await auth())?.user) redirect("/");
  const [methods, { error }, t] = await Promise.all([signInMethods(), searchParams, getTranslations("auth")]);
  return (
    <div className="flex w-full max-w-sm flex-col gap-6">
      {methods.password ? (
        <AuthForm mode="login" action={login} />
      ) : (
        <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      )}
      {methods.ssoName && <SsoSignIn name={methods.ssoName} error={ssoErrorKey(error)} />}
    </div>
  );
}
