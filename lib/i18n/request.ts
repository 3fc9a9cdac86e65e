import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./catalogue";
import { type Locale, localeFromAcceptLanguage, locales } from "./locales";

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get("locale")?.value;
  const locale: Locale = locales.includes(chosen as Locale)
    ? (chosen as Locale)
    : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale) };
});
