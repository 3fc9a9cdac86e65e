"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { ConnectorView } from "@/lib/connectors/schema";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { type ApiFailure, type ConnectorInput, createConnector, toolList } from "./connectors-api";

type Field = "name" | "url" | "token" | "allowedTools";
const FIELDS: readonly Field[] = ["name", "url", "token", "allowedTools"];

const inputClass =
  "rounded-md border border-zinc-300 bg-transparent px-2 py-1 aria-invalid:border-red-600 dark:border-zinc-700";
const errorClass = "text-xs text-red-700 dark:text-red-400";

/** The server's field messages, in the reader's language where this app knows them. */
function useIssueWords() {
  const t = useTranslations("chat.settings.connectors.issues");
  return (message: string): string => {
    const tooLong = /^must be at most (\d+) characters$/.exec(message);
    if (tooLong) return t("tooLong", { max: Number(tooLong[1]) });
    const known: Record<string, string> = {
      "must not be empty": "empty",
      "may contain only letters, digits, - and _": "nameCharacters",
      "is not a valid URL": "invalidUrl",
      "must start with https://": "https",
      "must not contain a user name or password (use Token)": "credentials",
    };
    const key = known[message];
    return key ? t(key) : message;
  };
}

/** Each field's problems, from the server's issues ("allowedTools.2" belongs to Allowed tools). */
function fieldErrors(failure: ApiFailure | null): Partial<Record<Field, string[]>> {
  const errors: Partial<Record<Field, string[]>> = {};
  if (!failure) return errors;
  for (const issue of failure.issues) {
    const field = FIELDS.find((name) => name === issue.path.split(".")[0]);
    if (field) errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
}

function FormField({
  label,
  hint,
  errors,
  problemId,
  children,
}: {
  label: string;
  hint?: string;
  errors: string[] | undefined;
  /** An alert elsewhere that names this field's problem (a name already taken). */
  problemId?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null, problemId ?? null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      {children({
        id: inputId,
        describedBy: describedBy || undefined,
        invalid: Boolean(errors?.length || problemId),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className={errorClass}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Adds a connector; on refusal keeps what was typed and shows why, field by field. */
export function ConnectorForm({
  onSaved,
  onCancel,
}: {
  onSaved: (connector: ConnectorView) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("chat.settings.connectors");
  const errorText = useErrorText();
  const issueWords = useIssueWords();
  const [values, setValues] = useState({ name: "", url: "", token: "", allowedTools: "" });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // The name as sent: a clash names it even while the field is being changed.
  const [sentName, setSentName] = useState("");
  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const alertId = useId();
  const raw = fieldErrors(failure);
  const errors = Object.fromEntries(
    Object.entries(raw).map(([field, messages]) => [field, messages.map(issueWords)]),
  ) as Partial<Record<Field, string[]>>;
  const nameTaken = failure?.code === "conflict:connector";

  let alert: string | null = null;
  if (failure) {
    if (failure.code === "connection_error") alert = t("connectionError");
    else if (nameTaken) alert = t("nameTaken", { name: sentName });
    else if (Object.keys(raw).length > 0) alert = t("fixFields");
    else alert = errorText(failure);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    const tools = toolList(values.allowedTools);
    const input: ConnectorInput = {
      name: values.name.trim(),
      url: values.url.trim(),
      ...(values.token ? { token: values.token } : {}),
      ...(tools.length > 0 ? { allowedTools: tools } : {}),
    };
    const outcome = await createConnector(input);
    setSaving(false);
    if ("failure" in outcome) {
      setSentName(input.name);
      setFailure(outcome.failure);
      return;
    }
    setValues({ name: "", url: "", token: "", allowedTools: "" });
    onSaved(outcome.connector);
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <FormField
        label={t("name")}
        hint={t("nameHint")}
        errors={errors.name}
        problemId={nameTaken ? alertId : undefined}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="name"
            autoComplete="off"
            aria-required="true"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            maxLength={64}
            value={values.name}
            onChange={set("name")}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField label={t("url")} hint={t("urlHint")} errors={errors.url}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="url"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            aria-required="true"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            maxLength={2048}
            value={values.url}
            onChange={set("url")}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField label={t("token")} hint={t("tokenHint")} errors={errors.token}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="token"
            type="password"
            autoComplete="off"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            maxLength={8192}
            value={values.token}
            onChange={set("token")}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField label={t("allowedTools")} hint={t("allowedToolsHint")} errors={errors.allowedTools}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="allowedTools"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={values.allowedTools}
            onChange={set("allowedTools")}
            className={inputClass}
          />
        )}
      </FormField>
      {alert && (
        <p
          id={alertId}
          role="alert"
          data-error-code={failure?.code}
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {alert}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={saving}
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {t("save")}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
