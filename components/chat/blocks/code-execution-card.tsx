"use client";

import { useTranslations } from "next-intl";
import type { ContentBlock } from "@/lib/chat/content";
import {
  type Fields,
  fieldsOf,
  fileHref,
  numberOf,
  resultErrorCode,
  stringOf,
  type ToolCall,
} from "./block-data";
import { labelClass, preClass, ResultFrame } from "./result-frame";
import { ToolCard } from "./tool-card";
import { ToolErrorNote } from "./tool-error";

/** The server tool names of code execution (the current version runs bash and a file editor). */
export const CODE_EXECUTION_TOOLS = new Set([
  "code_execution",
  "bash_code_execution",
  "text_editor_code_execution",
]);

const SUMMARY_CHARS = 80;

function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS)}…` : line;
}

function fileIdsOf(content: Fields): string[] {
  const outputs = Array.isArray(content.content) ? content.content : [];
  return outputs.flatMap((output: unknown) => {
    const id = stringOf(fieldsOf(output).file_id);
    return id ? [id] : [];
  });
}

function Labelled({ label, text, error = false }: { label: string; text: string; error?: boolean }) {
  return (
    <div>
      <p className={labelClass}>{label}</p>
      <pre className={`${preClass} ${error ? "text-red-700 dark:text-red-400" : ""}`}>{text}</pre>
    </div>
  );
}

/** stdout, stderr, the exit code and the files a run produced. */
function RunOutput({ content, messageId }: { content: Fields; messageId: string | undefined }) {
  const t = useTranslations("chat.blocks");
  const stdout = stringOf(content.stdout) ?? "";
  const stderr = stringOf(content.stderr) ?? "";
  const encrypted = content.type === "encrypted_code_execution_result";
  const exitCode = numberOf(content.return_code);
  const files = fileIdsOf(content);
  return (
    <>
      {stdout && <Labelled label={t("stdout")} text={stdout} />}
      {encrypted && <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("outputEncrypted")}</p>}
      {stderr && <Labelled label={t("stderr")} text={stderr} error />}
      {!stdout && !stderr && !encrypted && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("noOutput")}</p>
      )}
      {exitCode !== null && (
        <p
          data-exit-code={exitCode}
          className={`text-xs ${exitCode === 0 ? "text-zinc-500 dark:text-zinc-400" : "text-red-700 dark:text-red-400"}`}
        >
          {t("exitCode", { code: exitCode })}
        </p>
      )}
      {files.length > 0 && (
        <ul className="flex flex-col gap-1">
          {files.map((fileId) => {
            const href = fileHref(messageId, fileId);
            return (
              <li key={fileId}>
                {href ? (
                  <a href={href} download data-file-id={fileId} className="underline">
                    {t("downloadFile")}
                  </a>
                ) : (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("fileSaving")}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** What the file editor answered: a file's lines, "created", or the lines around a replacement. */
function EditorOutput({ content }: { content: Fields }) {
  const t = useTranslations("chat.blocks");
  switch (content.type) {
    case "text_editor_code_execution_view_result": {
      const text = stringOf(content.content) ?? "";
      return content.file_type === "text" || content.file_type === undefined ? (
        <Labelled label={t("fileContents")} text={text || t("emptyResult")} />
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("viewedFile", { kind: String(content.file_type) })}
        </p>
      );
    }
    case "text_editor_code_execution_create_result":
      return (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {content.is_file_update === true ? t("fileUpdated") : t("fileCreated")}
        </p>
      );
    case "text_editor_code_execution_str_replace_result": {
      const lines = Array.isArray(content.lines)
        ? content.lines.filter((line) => typeof line === "string")
        : [];
      return lines.length > 0 ? (
        <Labelled label={t("changedLines")} text={lines.join("\n")} />
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("fileEdited")}</p>
      );
    }
    default:
      return null;
  }
}

/** A code execution result block (any version): output and files, or why the run failed. */
export function CodeExecutionResult({
  block,
  messageId,
  standalone = false,
}: {
  block: ContentBlock;
  messageId: string | undefined;
  standalone?: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const code = resultErrorCode(block);
  const content = fieldsOf((block as Fields).content);
  return (
    <ResultFrame type={block.type} errorCode={code} standalone={standalone} label={t("codeResult")}>
      {code ? (
        <ToolErrorNote code={code} family="code_execution" detail={stringOf(content.error_message)} />
      ) : block.type === "text_editor_code_execution_tool_result" ? (
        <EditorOutput content={content} />
      ) : (
        <RunOutput content={content} messageId={messageId} />
      )}
    </ResultFrame>
  );
}

/** What Claude ran or edited, as text: the code, the command, or the file change. */
function CallInput({ call }: { call: ToolCall }) {
  const t = useTranslations("chat.blocks");
  const input = fieldsOf(call.input);
  if (call.name === "code_execution") {
    return <Labelled label={t("code")} text={stringOf(input.code) ?? ""} />;
  }
  if (call.name === "bash_code_execution") {
    return <Labelled label={t("command")} text={stringOf(input.command) ?? ""} />;
  }
  const path = stringOf(input.path);
  const fileText = stringOf(input.file_text);
  const oldText = stringOf(input.old_str);
  const newText = stringOf(input.new_str);
  return (
    <>
      {path && <p className="break-all font-mono text-xs">{path}</p>}
      {fileText !== null && <Labelled label={t("fileContents")} text={fileText} />}
      {oldText !== null && <Labelled label={t("replaced")} text={oldText} />}
      {newText !== null && <Labelled label={t("replacement")} text={newText} />}
    </>
  );
}

function summaryKey(call: ToolCall, running: boolean): { key: string; values: Record<string, string> } {
  const input = fieldsOf(call.input);
  if (call.name === "code_execution") return { key: running ? "runningCode" : "ranCode", values: {} };
  if (call.name === "bash_code_execution") {
    const command = firstLine(stringOf(input.command) ?? "");
    return { key: running ? "runningCommand" : "ranCommand", values: { command } };
  }
  const path = stringOf(input.path) ?? "";
  const action = stringOf(input.command);
  if (running) return { key: "editingFile", values: { path } };
  if (action === "view") return { key: "viewedPath", values: { path } };
  if (action === "create") return { key: "createdPath", values: { path } };
  if (action === "str_replace") return { key: "editedPath", values: { path } };
  return { key: "usedEditor", values: { path } };
}

/** server_tool_use of code execution and its result, in one card. */
export function CodeExecutionCard({
  call,
  result,
  pending,
  messageId,
}: {
  call: ToolCall;
  result: ContentBlock | null;
  pending: boolean;
  messageId?: string;
}) {
  const t = useTranslations("chat.blocks");
  const code = result ? resultErrorCode(result) : null;
  const { key, values } = summaryKey(call, !result && pending);
  const summary = code ? t("codeFailed", { action: t(key, values) }) : t(key, values);
  return (
    <ToolCard type={call.type} name={call.name} summary={summary}>
      <div className="mt-1 flex flex-col gap-1">
        <CallInput call={call} />
      </div>
      {result && <CodeExecutionResult block={result} messageId={messageId} />}
    </ToolCard>
  );
}
