import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

export default function SharedLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
