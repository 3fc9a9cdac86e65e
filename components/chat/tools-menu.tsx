"use client";

import { Wrench } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_CONNECTORS_PER_REPLY, type ToolChoices } from "@/lib/tools/choice-limits";
import type { ServerToolId } from "@/lib/tools/server-tools";
import { countOn, type OfferedTools, toggled, toolsToSend } from "./tool-selection";

function ToolSwitch({
  label,
  hint,
  checked,
  disabled = false,
  onChange,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="flex flex-col">
      <label className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          aria-describedby={hint ? hintId : undefined}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          className="h-4 w-4"
        />
        <span className="break-all">{label}</span>
      </label>
      {hint && (
        <p id={hintId} className="pl-7 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}

const SERVER_TOOL_LABEL: Record<ServerToolId, string> = {
  web_search: "webSearch",
  web_fetch: "webFetch",
  code_execution: "codeExecution",
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The composer's Tools button: a disclosure with one switch per tool the model offers and per
 * connector. The button's name stays "Tools"; how many are on is shown beside it, hidden from the name.
 */
export function ToolsMenu({
  offered,
  choices,
  onChange,
  connectorsEnabled,
}: {
  offered: OfferedTools;
  /** Everything switched on, also what the current model does not offer. */
  choices: ToolChoices;
  onChange: (choices: ToolChoices) => void;
  /** The admin allows connectors (a hint to add some is shown when the user has none). */
  connectorsEnabled: boolean;
}) {
  const t = useTranslations("chat.tools");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const countId = useId();
  const effective = toolsToSend(choices, offered);
  const count = countOn(effective);
  const connectorsFull = effective.connectors.length >= MAX_CONNECTORS_PER_REPLY;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const setServer = (id: ServerToolId, on: boolean) =>
    onChange({ ...choices, server: toggled(choices.server, id, on) });
  const setConnector = (id: string, on: boolean) =>
    onChange({ ...choices, connectors: toggled(choices.connectors, id, on) });
  const nothingOffered = offered.server.length === 0 && offered.connectors.length === 0;

  return (
    // `contents`: the panel is placed against the composer form, so it fits narrow screens.
    <div ref={root} className="contents text-sm">
      <button
        ref={button}
        type="button"
        aria-label={t("button")}
        data-tooltip={t("button")}
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={count > 0 ? countId : undefined}
        onClick={() => setOpen((previous) => !previous)}
        className={`inline-flex h-8 min-w-8 shrink-0 items-center justify-center gap-0.5 rounded-lg px-1.5 hover:bg-zinc-100 aria-expanded:bg-zinc-100 dark:hover:bg-zinc-800 dark:aria-expanded:bg-zinc-800 @max-[28rem]:h-7 @max-[28rem]:min-w-7 @max-[28rem]:px-1 ${count > 0 ? "text-blue-700 dark:text-blue-300" : "text-zinc-600 dark:text-zinc-300"}`}
      >
        <Wrench aria-hidden="true" className="size-4" />
        {count > 0 && (
          <span aria-hidden="true" data-tools-on={count} className="text-xs font-medium tabular-nums">
            {count}
          </span>
        )}
      </button>
      {count > 0 && (
        <span id={countId} hidden>
          {t("onCount", { count })}
        </span>
      )}
      <fieldset
        id={panelId}
        hidden={!open}
        className="absolute bottom-full left-0 z-20 mb-2 flex w-[min(20rem,100%)] flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <legend className="sr-only">{t("button")}</legend>
        {offered.server.map((id) => (
          <ToolSwitch
            key={id}
            label={t(SERVER_TOOL_LABEL[id])}
            hint={t(`${SERVER_TOOL_LABEL[id]}Hint`)}
            checked={choices.server.includes(id)}
            onChange={(on) => setServer(id, on)}
          />
        ))}
        {offered.connectors.length > 0 && (
          <div className="flex flex-col gap-1 border-t border-zinc-200 pt-2 dark:border-zinc-700">
            <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{t("connectors")}</p>
            {offered.connectors.map((connector) => {
              const checked = choices.connectors.includes(connector.id);
              return (
                <ToolSwitch
                  key={connector.id}
                  label={connector.name}
                  hint={hostOf(connector.url)}
                  checked={checked}
                  disabled={!checked && connectorsFull}
                  onChange={(on) => setConnector(connector.id, on)}
                />
              );
            })}
            {connectorsFull && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {t("connectorLimit", { max: MAX_CONNECTORS_PER_REPLY })}
              </p>
            )}
          </div>
        )}
        {nothingOffered && <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("noneOffered")}</p>}
        {connectorsEnabled && offered.connectors.length === 0 && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {t("noConnectors")}{" "}
            <Link href="/settings" className="underline">
              {t("manageConnectors")}
            </Link>
          </p>
        )}
      </fieldset>
    </div>
  );
}
