import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { MenuLink } from "@/components/settings/menu-link";
import { ShortcutsMenuButton } from "@/components/shortcuts/shortcuts-menu-button";
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
        aria-describedby="account-email"
        className="flex cursor-pointer list-none items-center rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {/* The button is named "Account"; the email is its description (a visible email inside a
            button named otherwise fails WCAG 2.5.3 "label in name"), and shows in the open menu. */}
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-6 fill-none stroke-current stroke-[1.5] text-zinc-700 dark:text-zinc-200"
        >
          <circle cx="12" cy="12" r="10" />
          <circle cx="12" cy="10" r="3.5" />
          <path d="M5.5 19a7.5 7.5 0 0 1 13 0" />
        </svg>
        <span id="account-email" className="sr-only">
          {email}
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 min-w-36 rounded-md border border-zinc-200 bg-white p-1 shadow dark:border-zinc-700 dark:bg-zinc-900">
        <p className="max-w-64 truncate px-3 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">{email}</p>
        <MenuLink href="/usage" label={nav("usage")} />
        <MenuLink href="/shared" label={nav("sharedLinks")} />
        <MenuLink href="/batches" label={nav("batches")} />
        <MenuLink href="/settings" label={nav("settings")} />
        {isAdmin && <MenuLink href="/admin" label={nav("admin")} />}
        <ThemeSelect initial={parseTheme(cookieStore.get(THEME_COOKIE)?.value)} />
        <ShortcutsMenuButton />
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
