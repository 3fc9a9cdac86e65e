"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { ConnectorView } from "@/lib/connectors/schema";
import { type ApiFailure, deleteConnector } from "./connectors-api";
import { ConnectorForm } from "./connectors-form";

const buttonClass =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";
const alertClass = "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200";

function ConnectorRow({ connector, onDeleted }: { connector: ConnectorView; onDeleted: () => void }) {
  const t = useTranslations("chat.settings.connectors");
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const remove = async () => {
    setDeleting(true);
    setFailure(null);
    const refused = await deleteConnector(connector.id);
    setDeleting(false);
    if (refused) setFailure(refused);
    else onDeleted();
  };

  return (
    <li
      data-connector-id={connector.id}
      data-connector-name={connector.name}
      className="flex flex-col gap-1 py-3"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-0.5">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{connector.name}</span>
            {connector.hasToken && (
              <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                {t("tokenSaved")}
              </span>
            )}
          </p>
          <p className="break-all text-sm text-zinc-600 dark:text-zinc-400">{connector.url}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {connector.allowedTools?.length
              ? t("allowedToolsList", { tools: connector.allowedTools.join(", ") })
              : t("allToolsAllowed")}
          </p>
        </div>
        <button type="button" disabled={deleting} onClick={() => void remove()} className={buttonClass}>
          {t("delete")}
        </button>
      </div>
      {failure && (
        <p role="alert" data-error-code={failure.code} className={alertClass}>
          {failure.code === "connection_error" ? t("connectionError") : t("deleteFailed")}
        </p>
      )}
    </li>
  );
}

/** Settings → Connectors: the user's remote MCP servers, and a form to add one. */
export function ConnectorsSection({ initial, disabled }: { initial: ConnectorView[]; disabled: boolean }) {
  const t = useTranslations("chat.settings.connectors");
  const [connectors, setConnectors] = useState(initial);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState("");
  const formId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="settings-connectors" className="flex flex-col gap-3">
      <h2 id="settings-connectors" className="text-lg font-medium">
        {t("title")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("explanation")}</p>
      {connectors.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {connectors.map((connector) => (
            <ConnectorRow
              key={connector.id}
              connector={connector}
              onDeleted={() => {
                setConnectors((previous) => previous.filter((entry) => entry.id !== connector.id));
                setStatus(t("deleted", { name: connector.name }));
              }}
            />
          ))}
        </ul>
      )}
      <p role="status" className="min-h-4 text-xs text-zinc-500 dark:text-zinc-400">
        {status}
      </p>
      {disabled ? (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {t("disabled")}
        </p>
      ) : (
        <>
          <button
            ref={addButton}
            type="button"
            aria-expanded={adding}
            aria-controls={formId}
            onClick={() => {
              setAdding((previous) => !previous);
              setStatus("");
            }}
            className={`${buttonClass} self-start`}
          >
            {t("add")}
          </button>
          <div id={formId} hidden={!adding}>
            {adding && (
              <ConnectorForm
                onSaved={(connector) => {
                  setConnectors((previous) => [...previous, connector]);
                  setAdding(false);
                  setStatus(t("saved", { name: connector.name }));
                  addButton.current?.focus();
                }}
                onCancel={() => {
                  setAdding(false);
                  addButton.current?.focus();
                }}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
