import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { MenuLink } from "@/components/settings/menu-link";
import { ThemeSelect } from "@/components/theme-select";
import { signOut } from "@/lib/auth";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export async function AccountMenu({ email, isAdmin = false }: { email: string; isAdmin?: boolean }) {
  const [t, nav, cookieStore] = await Promise.all([
    getTranslations("auth"),
    getTranslations("nav"),
    cookies(),
  ]);
  return (
    <details className="relative">
      {/* biome-ignore lint/a11y/useSemanticElements: a <summary> toggles the native <details> menu without client JS */}
      <summary
        role="button"
        aria-label={t("account")}
        className="cursor-pointer list-none rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {email}
      </summary>
      <div className="absolute right-0 z-20 mt-1 min-w-36 rounded-md border border-zinc-200 bg-white p-1 shadow dark:border-zinc-700 dark:bg-zinc-900">
        <MenuLink href="/usage" label={nav("usage")} />
        <MenuLink href="/shared" label={nav("sharedLinks")} />
        <MenuLink href="/batches" label={nav("batches")} />
        <MenuLink href="/settings" label={nav("settings")} />
        {isAdmin && <MenuLink href="/admin" label={nav("admin")} />}
        <ThemeSelect initial={parseTheme(cookieStore.get(THEME_COOKIE)?.value)} />
        <form
          action={async () => {
            "use server";
            await signOut({ redirectTo: "/login" });
          }}
        >
          <button
            type="submit"
            className="w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            {t("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
