"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { IconButton } from "@/components/ui/icon-button";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";
import { useEnterSubmit } from "./use-enter-submit";

/** `‹ 2/3 ›`: switches between a message's versions (edits of it, or regenerated replies). */
export function BranchSwitcher({
  siblingIds,
  id,
  disabled,
  onSwitch,
}: {
  siblingIds: string[];
  id: string;
  disabled: boolean;
  onSwitch: (id: string) => void;
}) {
  const t = useTranslations("chat");
  const index = siblingIds.indexOf(id);
  if (siblingIds.length < 2 || index === -1) return null;
  const position = `${index + 1}/${siblingIds.length}`;
  return (
    <fieldset aria-label={t("versions")} data-branch-position={position} className="flex items-center">
      <IconButton
        icon={ChevronLeftIcon}
        label={t("previousVersion")}
        disabled={disabled || index === 0}
        onClick={() => onSwitch(siblingIds[index - 1]!)}
        className="size-7"
      />
      <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{position}</span>
      <IconButton
        icon={ChevronRightIcon}
        label={t("nextVersion")}
        disabled={disabled || index === siblingIds.length - 1}
        onClick={() => onSwitch(siblingIds[index + 1]!)}
        className="size-7"
      />
    </fieldset>
  );
}

/** Inline editor of a sent message; the edited copy is sent as a new branch. */
export function MessageEditor({
  initialText,
  onSubmit,
  onCancel,
}: {
  initialText: string;
  /** Resolves false when the edit was refused: the editor stays open with the text. */
  onSubmit: (text: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const t = useTranslations("chat");
  const [text, setText] = useState(initialText);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy || !text.trim()) return;
    setBusy(true);
    const accepted = await onSubmit(text);
    if (!accepted) setBusy(false);
  };
  const enterSubmit = useEnterSubmit(() => void submit());
  return (
    <form
      className="flex w-full max-w-[85%] flex-col gap-2 rounded-2xl border border-zinc-300 p-2 has-[textarea:focus-visible]:outline-2 has-[textarea:focus-visible]:outline-blue-600 dark:border-zinc-700 dark:has-[textarea:focus-visible]:outline-blue-400"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea
        aria-label={t("editMessage")}
        value={text}
        maxLength={100_000}
        rows={Math.min(10, text.split("\n").length + 1)}
        onChange={(event) => setText(event.target.value)}
        {...enterSubmit}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message
        autoFocus
        className="w-full resize-y bg-transparent px-2 py-1 text-base outline-none"
      />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={`${button.ghost} ${buttonSize.sm}`}>
          {t("cancel")}
        </button>
        <button
          type="submit"
          disabled={busy || !text.trim()}
          className={`${button.primary} ${buttonSize.sm}`}
        >
          {t("saveAndSend")}
        </button>
      </div>
    </form>
  );
}
