"use client";
// The new batch form: model, system prompt, template and the items (pasted lines, or a CSV / JSONL
// file with its column picked), with a live preview of what will be sent and what it will cost.
import { useTranslations } from "next-intl";
import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import { type BatchForm, type Failure, type Preview, previewBatch, submitBatch } from "./api";
import { useFailureText } from "./failure-text";
import { PreviewPanel } from "./preview-panel";

export interface Option {
  id: string;
  name: string;
}

interface LoadedFile {
  name: string;
  text: string;
  format: "csv" | "jsonl";
}

const PREVIEW_DELAY_MS = 400;
const CUSTOM = "custom";
const field =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900";

export function NewBatchForm({
  models,
  defaultModel,
  presets,
  onSubmitted,
}: {
  models: Option[];
  defaultModel: string;
  presets: Option[];
  onSubmitted: () => void;
}) {
  const t = useTranslations("batches");
  const failureText = useFailureText();
  const ids = {
    name: useId(),
    model: useId(),
    system: useId(),
    custom: useId(),
    max: useId(),
    template: useId(),
    items: useId(),
    column: useId(),
  };
  const [name, setName] = useState("");
  const [model, setModel] = useState(defaultModel);
  const [system, setSystem] = useState("");
  const [customPrompt, setCustomPrompt] = useState("");
  const [maxTokens, setMaxTokens] = useState(1024);
  const [template, setTemplate] = useState("{{text}}");
  const [items, setItems] = useState("");
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [column, setColumn] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<"preview" | "submit" | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const form: BatchForm = {
    ...(name.trim() ? { name: name.trim() } : {}),
    model,
    ...(system === CUSTOM ? { systemPrompt: customPrompt } : system ? { presetId: system } : {}),
    maxTokens,
    template,
    format: file?.format ?? "lines",
    text: file?.text ?? items,
    ...(column ? { textColumn: column } : {}),
  };
  const formKey = JSON.stringify(form);
  const hasItems = form.text.trim() !== "";

  useEffect(() => {
    if (!hasItems) {
      setPreview(null);
      setProblem(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      setBusy((b) => b ?? "preview");
      const result = await previewBatch(JSON.parse(formKey) as BatchForm);
      if (!current) return;
      setBusy((b) => (b === "preview" ? null : b));
      setPreview(result.ok ? result.value : null);
      setProblem(result.ok ? null : result.failure);
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [formKey, hasItems]);

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) return;
    const format = /\.(jsonl|ndjson)$/i.test(chosen.name) ? "jsonl" : "csv";
    setFile({ name: chosen.name, text: await chosen.text(), format });
    setColumn(undefined);
  }

  async function submit() {
    setBusy("submit");
    const result = await submitBatch(form);
    setBusy(null);
    if (!result.ok) return setProblem(result.failure);
    onSubmitted();
  }

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-700"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.name}>{t("name")}</label>
          <input
            id={ids.name}
            className={field}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.model}>{t("model")}</label>
          <select id={ids.model} className={field} value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.system}>{t("systemPrompt")}</label>
          <select
            id={ids.system}
            className={field}
            value={system}
            onChange={(e) => setSystem(e.target.value)}
          >
            <option value="">{t("noSystemPrompt")}</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value={CUSTOM}>{t("customSystemPrompt")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.max}>{t("maxTokens")}</label>
          <input
            id={ids.max}
            type="number"
            min={1}
            max={64000}
            className={field}
            value={maxTokens}
            onChange={(e) => setMaxTokens(Math.max(1, Math.min(64000, Number(e.target.value) || 1)))}
          />
        </div>
      </div>
      {system === CUSTOM && (
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.custom}>{t("customPrompt")}</label>
          <textarea
            id={ids.custom}
            rows={3}
            className={field}
            value={customPrompt}
            onChange={(e) => setCustomPrompt(e.target.value)}
          />
        </div>
      )}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={ids.template}>{t("template")}</label>
        <textarea
          id={ids.template}
          aria-describedby={`${ids.template}-hint`}
          rows={3}
          className={`${field} font-mono`}
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        />
        <span id={`${ids.template}-hint`} className="text-xs text-zinc-500">
          {t("templateHint")}
        </span>
      </div>
      {file ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-batch-file={file.name}>
            {t("fileLoaded", { name: file.name, count: preview?.itemCount ?? 0 })}
          </span>
          {preview && preview.columns.length > 1 && (
            <div className="flex items-center gap-2">
              <label htmlFor={ids.column}>{t("column")}</label>
              <select
                id={ids.column}
                className={field}
                value={preview.textColumn}
                onChange={(e) => setColumn(e.target.value)}
              >
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" className="underline" onClick={() => setFile(null)}>
            {t("clearFile")}
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.items}>{t("items")}</label>
          <textarea
            id={ids.items}
            aria-describedby={`${ids.items}-hint`}
            rows={6}
            className={`${field} font-mono`}
            value={items}
            onChange={(e) => setItems(e.target.value)}
          />
          <span id={`${ids.items}-hint`} className="text-xs text-zinc-500">
            {t("itemsHint")}
          </span>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-600"
          onClick={() => fileInput.current?.click()}
        >
          {t("uploadCsv")}
        </button>
        <span className="text-xs text-zinc-500">{t("uploadHint")}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.jsonl,.ndjson,text/csv"
          className="hidden"
          onChange={(e) => void loadFile(e)}
        />
      </div>
      {problem && (
        <p role="alert" data-error-code={problem.code} className="text-sm text-red-700 dark:text-red-400">
          {failureText(problem)}
        </p>
      )}
      {preview && <PreviewPanel preview={preview} />}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={!hasItems || busy === "submit"}
          className="rounded-md bg-zinc-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {t("submit")}
        </button>
        {busy && (
          <span className="text-sm text-zinc-500">
            {busy === "submit" ? t("submitting") : t("previewing")}
          </span>
        )}
      </div>
    </form>
  );
}
