"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { Modal } from "@/components/ui/modal";
import type { ShareView } from "@/lib/share/view";
import { absoluteLink, revokeShare, type ShareResult, shareConversation } from "./api";
import { CopyLinkButton, shareButtonClass } from "./copy-link-button";

type State = { kind: "loading" } | { kind: "shared"; share: ShareView } | { kind: "revoked" };

/**
 * The conversation's share link: opening the dialog makes it (from the branch on screen) unless it
 * exists; the owner copies it, includes images, updates the copy, or revokes it.
 */
export function ShareDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useTranslations("share");
  const format = useFormatter();
  const linkId = useId();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function run<T>(call: () => Promise<ShareResult<T>>, then: (value: T) => void) {
    setBusy(true);
    setFailure(null);
    const result = await call();
    setBusy(false);
    if (result.ok) then(result.value);
    else setFailure(result.code);
  }

  const share = (options: { includeImages?: boolean; refresh?: boolean } = {}) =>
    run(
      () => shareConversation(conversationId, options),
      (value) => setState({ kind: "shared", share: value }),
    );

  // Shown at once; put back if the server refuses.
  const includeImages = async (include: boolean) => {
    if (state.kind !== "shared") return;
    const before = state.share;
    setState({ kind: "shared", share: { ...before, includeImages: include } });
    setBusy(true);
    setFailure(null);
    const result = await shareConversation(conversationId, { includeImages: include });
    setBusy(false);
    if (result.ok) setState({ kind: "shared", share: result.value });
    else {
      setState({ kind: "shared", share: before });
      setFailure(result.code);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: made once, when the dialog opens
  useEffect(() => {
    void share();
  }, []);

  const shared = state.kind === "shared" ? state.share : null;
  const failureText = failure && (t.has(`errors.${failure}`) ? t(`errors.${failure}`) : t("errors.unknown"));

  return (
    <Modal title={t("dialogTitle")} onClose={onClose} width="32rem">
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("explanation")}</p>
      <label htmlFor={linkId} className="mt-3 block text-sm font-medium">
        {t("link")}
      </label>
      <input
        id={linkId}
        type="text"
        readOnly
        value={shared ? absoluteLink(shared.path) : ""}
        placeholder={state.kind === "loading" ? t("creating") : ""}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 w-full rounded-lg border border-zinc-300 bg-zinc-50 px-2.5 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
      />
      {shared && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t("sharedAt", {
            date: format.dateTime(new Date(shared.sharedAt), { dateStyle: "medium", timeStyle: "short" }),
          })}{" "}
          · {t("updateHint")}
        </p>
      )}
      {state.kind === "revoked" && (
        <p role="status" className="mt-2 text-sm">
          {t("revoked")}
        </p>
      )}
      {failureText && (
        <p role="alert" data-error-code={failure} className="mt-2 text-sm text-red-700 dark:text-red-300">
          {failureText}
        </p>
      )}
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={shared?.includeImages ?? false}
          disabled={!shared || busy}
          onChange={(event) => void includeImages(event.currentTarget.checked)}
        />
        {t("includeImages")}
      </label>
      <div className="mt-4 flex flex-wrap items-center justify-end gap-2">
        {shared && <CopyLinkButton path={shared.path} disabled={busy} />}
        {shared && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void share({ refresh: true })}
            className={shareButtonClass}
          >
            {t("update")}
          </button>
        )}
        {shared && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                () => revokeShare(shared.id),
                () => setState({ kind: "revoked" }),
              )
            }
            className={`${button.destructive} ${buttonSize.sm}`}
          >
            {t("revoke")}
          </button>
        )}
        {state.kind === "revoked" && (
          <button type="button" disabled={busy} onClick={() => void share()} className={shareButtonClass}>
            {t("shareAgain")}
          </button>
        )}
        <button type="button" onClick={onClose} className={`${button.primary} ${buttonSize.sm}`}>
          {t("close")}
        </button>
      </div>
    </Modal>
  );
}
