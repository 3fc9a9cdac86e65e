"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import type { ProviderName } from "@/lib/model/provider-models";
import {
  type AdminFailure,
  type AdminResult,
  checkCredentials,
  removeStoredCredentials,
  saveCredentials,
} from "./api";
import { RefusalText } from "./refusal-text";

interface Stored {
  fingerprint: string;
  setByEmail: string;
  setAt: string;
}

interface Props {
  provider: ProviderName;
  demoMode: boolean;
  /** The stored credentials' description, or null while the environment's are in use. */
  stored: Stored | null;
}

type FieldKind = "secret" | "text" | "json";

/** The fields each provider's credentials have: [body name, catalogue label, kind, optional]. */
const FIELDS: Record<ProviderName, [string, string, FieldKind, boolean?][]> = {
  anthropic: [["apiKey", "apiKey", "secret"]],
  bedrock: [
    ["accessKeyId", "awsAccessKeyId", "text"],
    ["secretAccessKey", "awsSecretAccessKey", "secret"],
    ["sessionToken", "awsSessionToken", "secret", true],
    ["region", "region", "text"],
  ],
  vertex: [
    ["serviceAccountJson", "serviceAccountJson", "json"],
    ["projectId", "projectId", "text"],
    ["region", "region", "text"],
  ],
  foundry: [
    ["apiKey", "apiKey", "secret"],
    ["resource", "foundryResource", "text", true],
  ],
};

const PROVIDER_NAMES: Record<ProviderName, string> = {
  anthropic: "Claude API (Anthropic)",
  bedrock: "Amazon Bedrock",
  vertex: "Google Vertex AI",
  foundry: "Microsoft Foundry",
};

const inputClass =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900";
const buttonClass =
  "rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Replaces the configured provider's credentials: test them, save them (checked again, stored
 * encrypted, never shown again), or go back to the environment's values.
 */
export function ProviderCredentials({ provider, demoMode, stored }: Props) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fields = FIELDS[provider];

  const body = () => {
    const filled = Object.entries(values).filter(([, value]) => value.trim() !== "");
    return { provider, ...Object.fromEntries(filled) };
  };

  const run = (request: () => Promise<AdminResult>, success: string, clear: boolean) =>
    startTransition(async () => {
      setNotice(null);
      const result = await request();
      setFailure(result.ok ? null : result);
      if (!result.ok) return;
      setNotice(success);
      if (clear) {
        setValues({});
        router.refresh();
      }
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    run(() => saveCredentials(body()), t("credentialsSaved"), true);
  };

  return (
    <section aria-labelledby="admin-credentials" className="flex flex-col gap-3">
      <h2 id="admin-credentials" className="text-lg font-semibold">
        {t("credentials")}
      </h2>
      {demoMode ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("credentialsDemo")}</p>
      ) : (
        <>
          <p
            className="text-sm text-zinc-600 dark:text-zinc-400"
            data-credentials-source={stored ? "stored" : "environment"}
          >
            {t("credentialsProvider", { provider: PROVIDER_NAMES[provider] })}{" "}
            {stored
              ? t("credentialsStored", {
                  fingerprint: stored.fingerprint,
                  email: stored.setByEmail,
                  date: format.dateTime(new Date(stored.setAt), { dateStyle: "medium", timeStyle: "short" }),
                })
              : t("credentialsFromEnv")}
          </p>
          <form onSubmit={save} className="flex max-w-xl flex-col gap-2" autoComplete="off">
            {fields.map(([name, label, kind]) => (
              <div key={name} className="flex flex-col gap-1 text-sm">
                <label htmlFor={`credentials-${name}`}>{t(label)}</label>
                {kind === "json" ? (
                  <textarea
                    id={`credentials-${name}`}
                    name={name}
                    rows={4}
                    spellCheck={false}
                    className={inputClass}
                    value={values[name] ?? ""}
                    onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                  />
                ) : (
                  <input
                    id={`credentials-${name}`}
                    name={name}
                    type={kind === "secret" ? "password" : "text"}
                    autoComplete="off"
                    spellCheck={false}
                    className={inputClass}
                    value={values[name] ?? ""}
                    onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                  />
                )}
              </div>
            ))}
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={buttonClass}
                disabled={pending}
                onClick={() => run(() => checkCredentials(body()), t("connectionWorks"), false)}
              >
                {t("testConnection")}
              </button>
              <button type="submit" className={buttonClass} disabled={pending}>
                {t("saveCredentials")}
              </button>
              {stored && (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={pending}
                  onClick={() => run(removeStoredCredentials, t("credentialsRemoved"), true)}
                >
                  {t("useEnvironment")}
                </button>
              )}
            </div>
          </form>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("credentialsHint")}</p>
          {notice && (
            <p role="status" className="text-xs text-green-700 dark:text-green-400">
              {notice}
            </p>
          )}
          <RefusalText failure={failure} />
        </>
      )}
    </section>
  );
}
