import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { SsoSignIn } from "@/components/sso-sign-in";
import { auth } from "@/lib/auth";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { ssoErrorKey } from "@/lib/auth/sso-decision";
import { login } from "../actions";
import { authFormText } from "../form-text";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  if ((await auth())?.user) redirect("/");
  const [methods, { error }, t, text] = await Promise.all([
    signInMethods(),
    searchParams,
    getTranslations("auth"),
    authFormText("login"),
  ]);
  const ssoError = ssoErrorKey(error);
  return (
    <div className="flex w-full max-w-sm flex-col gap-6">
      {methods.password ? (
        <AuthForm mode="login" action={login} text={text} />
      ) : (
        <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      )}
      {methods.ssoName && (
        <SsoSignIn
          label={t("signInWith", { name: methods.ssoName })}
          error={ssoError ? t(`errors.${ssoError}`, { amount: 0, unit: "s" }) : undefined}
        />
      )}
    </div>
  );
}
