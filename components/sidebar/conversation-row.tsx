"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { saveTitle } from "./api";
import type { ConversationSummary } from "./pages";
import { RowMenu } from "./row-menu";

const MAX_TITLE_CHARS = 200;

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  onRenamed: (title: string) => void;
  onDelete: () => void;
}

export function ConversationRow({ conversation, active, onRenamed, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li>
        <RenameForm
          conversation={conversation}
          onDone={(title) => {
            setEditing(false);
            if (title !== null) onRenamed(title);
          }}
        />
      </li>
    );
  }
  return (
    <li
      className={`group relative flex items-center rounded-lg ${
        active ? "bg-zinc-200/70 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"
      }`}
    >
      <Link
        href={`/c/${conversation.id}`}
        aria-current={active ? "page" : undefined}
        className="min-w-0 flex-1 truncate rounded-lg px-3 py-2 text-sm"
      >
        {conversation.title}
      </Link>
      <RowMenu
        title={conversation.title}
        alwaysVisible={active}
        onRename={() => setEditing(true)}
        onDelete={onDelete}
      />
    </li>
  );
}

/** Inline rename: Enter saves, Escape cancels; `onDone` gets the saved title, or null. */
function RenameForm({
  conversation,
  onDone,
}: {
  conversation: ConversationSummary;
  onDone: (title: string | null) => void;
}) {
  const t = useTranslations("nav");
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const title = (input.current?.value ?? "").trim();
    if (!title) return setError(t("titleEmpty"));
    if (title === conversation.title) return onDone(null);
    setSaving(true);
    const saved = await saveTitle(conversation.id, title);
    setSaving(false);
    if (saved) onDone(title);
    else setError(t("renameFailed"));
  }

  return (
    <form onSubmit={save} className="flex flex-col gap-1 rounded-md bg-zinc-100 p-1.5 dark:bg-zinc-900">
      <input
        ref={input}
        aria-label={t("titleLabel")}
        defaultValue={conversation.title}
        maxLength={MAX_TITLE_CHARS}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault(); // handled: the mobile overlay stays open
          onDone(null);
        }}
        className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div className="flex justify-end gap-1">
        <button
          type="button"
          onClick={() => onDone(null)}
          className="rounded px-2 py-0.5 text-xs hover:bg-zinc-200 dark:hover:bg-zinc-800"
        >
          {t("cancel")}
        </button>
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-zinc-900 px-2 py-0.5 text-xs text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {t("save")}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
