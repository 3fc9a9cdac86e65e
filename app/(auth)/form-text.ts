import { getTranslations } from "next-intl/server";
import type { AuthFormText } from "@/components/auth-form";

/** The sign-in or register form's words, translated on the server (the auth pages ship no catalogue). */
export async function authFormText(mode: "login" | "register"): Promise<AuthFormText> {
  const t = await getTranslations("auth");
  const login = mode === "login";
  return {
    title: t(login ? "signInTitle" : "registerTitle"),
    email: t("email"),
    password: t("password"),
    submit: t(login ? "signIn" : "createAccount"),
    switchLink: t(login ? "needAccount" : "haveAccount"),
  };
}
