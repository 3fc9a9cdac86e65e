import { getTranslations } from "next-intl/server";

/** The words of the sign-in or registration page, translated on the server. */
export interface AuthFormText {
  title: string;
  email: string;
  password: string;
  submit: string;
  switchLink: string;
}

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
