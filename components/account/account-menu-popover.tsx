"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { runShortcut } from "@/components/shortcuts/registry";
import { ThemeSelect } from "@/components/theme-select";
import {
  ChartIcon,
  KeyboardIcon,
  LayersIcon,
  LinkIcon,
  LogOutIcon,
  ScrollTextIcon,
  SettingsIcon,
  ShieldCheckIcon,
} from "@/components/ui/icons";
import { menuItem } from "@/components/ui/panel-styles";
import { PopoverPanel } from "@/components/ui/popover-panel";
import type { SpriteIconComponent } from "@/components/ui/sprite-icon";
import type { Theme } from "@/lib/theme";
import { AccountTrigger } from "./account-trigger";

export interface AccountMenuProps {
  email: string;
  isAdmin: boolean;
  theme: Theme;
  signOut: () => Promise<void>;
  defaultOpen: boolean;
}

function MenuLink({ href, icon: Icon, label }: { href: string; icon: SpriteIconComponent; label: string }) {
  return (
    <Popover.Close asChild>
      <Link href={href} className={menuItem}>
        <Icon aria-hidden="true" />
        {label}
      </Link>
    </Popover.Close>
  );
}

const separator = "my-1 h-px bg-zinc-200 dark:bg-zinc-800";

export default function AccountMenuPopover({
  email,
  isAdmin,
  theme,
  signOut,
  defaultOpen,
}: AccountMenuProps) {
  const nav = useTranslations("nav");
  const t = useTranslations("auth");
  // Set by "Keyboard shortcuts": its dialog opens as the menu closes (focus back on Account), so that
  // closing the dialog returns focus to Account.
  const afterClose = useRef<(() => void) | null>(null);
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>
        <AccountTrigger email={email} />
      </Popover.Trigger>
      <PopoverPanel
        align="end"
        variant="wideMenu"
        aria-label={t("account")}
        onCloseAutoFocus={() => {
          const next = afterClose.current;
          afterClose.current = null;
          next?.();
        }}
      >
        <div className="flex items-center gap-2.5 px-2.5 py-2">
          <span
            aria-hidden="true"
            className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-orange-400 to-rose-500 text-sm font-semibold text-white"
          >
            {(email.trim()[0] ?? "?").toUpperCase()}
          </span>
          <p className="min-w-0 truncate text-sm text-zinc-700 dark:text-zinc-300">{email}</p>
        </div>
        <div className={separator} />
        <MenuLink href="/presets" icon={ScrollTextIcon} label={nav("presets")} />
        <MenuLink href="/settings" icon={SettingsIcon} label={nav("settings")} />
        <MenuLink href="/usage" icon={ChartIcon} label={nav("usage")} />
        <MenuLink href="/batches" icon={LayersIcon} label={nav("batches")} />
        <MenuLink href="/shared" icon={LinkIcon} label={nav("sharedLinks")} />
        {isAdmin && <MenuLink href="/admin" icon={ShieldCheckIcon} label={nav("admin")} />}
        <div className={separator} />
        <ThemeSelect initial={theme} />
        <Popover.Close asChild>
          <button
            type="button"
            onClick={() => {
              afterClose.current = () => runShortcut("help");
            }}
            className={menuItem}
          >
            <KeyboardIcon aria-hidden="true" />
            {nav("shortcuts.title")}
          </button>
        </Popover.Close>
        <div className={separator} />
        <form action={signOut}>
          <button type="submit" className={menuItem}>
            <LogOutIcon aria-hidden="true" />
            {t("signOut")}
          </button>
        </form>
      </PopoverPanel>
    </Popover.Root>
  );
}
