import { cookies } from "next/headers";
import { AccountMenuButton } from "@/components/account/account-menu-button";
import { signOut } from "@/lib/auth";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

/** The header's account menu: the signed-in email, the other pages, the theme, and Sign out. */
export async function AccountMenu({ email, isAdmin = false }: { email: string; isAdmin?: boolean }) {
  const cookieStore = await cookies();
  return (
    <AccountMenuButton
      email={email}
      isAdmin={isAdmin}
      theme={parseTheme(cookieStore.get(THEME_COOKIE)?.value)}
      signOut={async () => {
        "use server";
        await signOut({ redirectTo: "/login" });
      }}
    />
  );
}
