import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { SsoSignIn } from "@/components/sso-sign-in";
import { auth } from "@/lib/auth";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { register } from "../actions";
import { authFormText } from "../form-text";

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ invite?: string | string[] }>;
}) {
  if ((await auth())?.user) redirect("/");
  const [methods, { invite }, t, text] = await Promise.all([
    signInMethods(),
    searchParams,
    getTranslations("auth"),
    authFormText("register"),
  ]);
  return (
    <div className="flex w-full max-w-sm flex-col gap-6">
      {methods.password ? (
        <AuthForm
          mode="register"
          action={register}
          text={text}
          invite={typeof invite === "string" ? invite.slice(0, 100) : undefined}
        />
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t("registerTitle")}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("registerWithSso")}</p>
        </>
      )}
      {methods.ssoName && <SsoSignIn label={t("signInWith", { name: methods.ssoName })} />}
    </div>
  );
}
