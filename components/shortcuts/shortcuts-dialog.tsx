"use client";

import { useTranslations } from "next-intl";
import { IconButton } from "@/components/ui/icon-button";
import { XIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { type Binding, isTextField, SHORTCUTS } from "./registry";

function keyLabels(binding: Binding, apple: boolean): string[] {
  const key = binding.key === "Escape" ? "Esc" : binding.key.toUpperCase();
  return [...(binding.mod ? [apple ? "⌘" : "Ctrl"] : []), ...(binding.shift ? ["Shift"] : []), key];
}

/** The list of keyboard shortcuts (`?`); loaded when first opened. */
export default function ShortcutsDialog({ apple, onClose }: { apple: boolean; onClose: () => void }) {
  const t = useTranslations("nav.shortcuts");
  return (
    <Modal
      title={t("title")}
      onClose={onClose}
      onKeyDown={(event) => {
        // `?` again closes it, as it opened it.
        if (event.key !== "?" || isTextField(event.target)) return;
        event.preventDefault(); // not to be reopened by the page's listener
        onClose();
      }}
      titleEnd={
        <IconButton
          icon={XIcon}
          label={t("close")}
          tooltip="none"
          onClick={onClose}
          className="-mt-1 -mr-2"
        />
      }
    >
      <dl className="mt-4 flex flex-col divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {SHORTCUTS.map(({ id, binding }) => (
          <div key={id} data-shortcut={id} className="flex items-center justify-between gap-4 py-2">
            <dt>{t(id)}</dt>
            <dd className="flex shrink-0 gap-1">
              {keyLabels(binding, apple).map((label) => (
                <kbd
                  key={label}
                  className="min-w-6 rounded-md border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-sans text-xs font-medium shadow-[0_1px_0_var(--color-zinc-300)] dark:border-zinc-600 dark:bg-zinc-800 dark:shadow-[0_1px_0_var(--color-zinc-600)]"
                >
                  {label}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
    </Modal>
  );
}
