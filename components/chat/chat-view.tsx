"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ConversationExport } from "@/components/export/conversation-export";
import { ShareButton } from "@/components/share/share-button";
import { CopyLastReply } from "@/components/shortcuts/copy-last-reply";
import { HeaderActions } from "@/components/sidebar/header-slot";
import {
  systemPrompt as savedSystemPrompt,
  saveSystemPrompt as saveSystemPromptCall,
} from "@/lib/api-client/chat";
import { saveSettings } from "@/lib/api-client/settings";
import { takeNewChatDraft } from "@/lib/chat/summary-draft";
import { carryThinkingChoice, type ThinkingChoice } from "@/lib/chat/thinking";
import { useTokenCount } from "@/lib/chat/use-token-count";
import type { ChatMessage } from "@/lib/chat/view-model";
import type { ConnectorView } from "@/lib/connectors/schema";
import { useDocumentAttachments } from "@/lib/documents/use-document-attachments";
import { useErrorText } from "@/lib/i18n/use-error-text";
import type { ModelInfo } from "@/lib/model/types";
import type { CostSummary } from "@/lib/pricing/cost";
import type { ToolChoices } from "@/lib/tools/choice-limits";
import { BudgetNotice, type BudgetView } from "./budget-notice";
import { CitationsSwitch } from "./citations-switch";
import { Composer } from "./composer";
import { ContextMeter } from "./context-meter";
import { ConversationCost } from "./conversation-cost";
import { splitFiles } from "./document-attachments";
import { DropOverlay, useFileDrop } from "./drop-overlay";
import { useImageAttachments } from "./image-attachments";
import { MessageItem } from "./message-item";
import { ModelSettings } from "./model-settings";
import { ReplyAnnouncer } from "./reply-announcer";
import { type ParamsState, paramsFor, paramsForModel } from "./reply-params";
import { SummaryOffer } from "./summary-offer";
import {
  CUSTOM_PROMPT,
  NO_PROMPT,
  type PresetOption,
  type PromptChoice,
  SystemPromptEditor,
  SystemPromptPicker,
} from "./system-prompt";
import { type DisabledToolList, offeredTools, toolsToSend } from "./tool-selection";
import { ToolsMenu } from "./tools-menu";
import { useAutoScroll } from "./use-auto-scroll";
import { attachmentChoices, useChat } from "./use-chat";
import { useOlderMessages } from "./use-older-messages";

/** The open conversation as stored (null id: a new chat). */
export interface ConversationData {
  id: string | null;
  /** The newest page of the active branch. */
  messages: ChatMessage[];
  olderCursor: string | null;
  /** Every reply's cost so far, on every branch. */
  cost: CostSummary | null;
  systemPrompt: string | null;
  presetId: string | null;
  /** The Thinking control's saved choice; "off" for a new chat. */
  thinking: ThinkingChoice;
  /** The Tools menu's saved choices; none for a new chat. */
  tools: ToolChoices;
  /** The Citations switch; off for a new chat. */
  citations: boolean;
}

/** What the composer offers this user. */
export interface ChatOptions {
  models: ModelInfo[];
  initialModel: string;
  presets: PresetOption[];
  promptCaching: boolean;
  allowHttpImages: boolean;
  /** Image URLs are offered (false on a platform that takes inline images only). */
  imageUrls?: boolean;
  demoMode: boolean;
  /** The user's connectors (the Tools menu has a switch for each). */
  connectors: ConnectorView[];
  /** Tools the admin turned off (in demo mode: all of them). */
  disabledTools: DisabledToolList;
  /** The user's monthly budget and spend, for the composer's warning. */
  budget?: BudgetView;
  /** A draft too long for the model may start a new chat with a summary of this one (SUMMARY_MODEL). */
  summaries?: boolean;
}

function initialChoice(conversation: ConversationData, presets: PresetOption[]): PromptChoice {
  if (!conversation.id) return presets.find((preset) => preset.isDefault)?.id ?? NO_PROMPT;
  if (conversation.presetId && presets.some((preset) => preset.id === conversation.presetId))
    return conversation.presetId;
  return conversation.systemPrompt ? CUSTOM_PROMPT : NO_PROMPT;
}

async function saveSystemPrompt(
  conversationId: string,
  change: Parameters<typeof saveSystemPromptCall>[1],
): Promise<string | null | undefined> {
  const result = await saveSystemPromptCall(conversationId, change);
  return result.ok ? result.data.systemPrompt : undefined;
}

export function ChatView({
  conversation,
  options,
}: {
  conversation: ConversationData;
  options: ChatOptions;
}) {
  const t = useTranslations("chat");
  const errorText = useErrorText();
  const chat = useChat({
    conversationId: conversation.id,
    initialMessages: conversation.messages,
    initialOlderCursor: conversation.olderCursor,
  });
  const attachments = useImageAttachments({
    allowHttp: options.allowHttpImages,
    allowUrls: options.imageUrls !== false,
  });
  const documents = useDocumentAttachments();
  const [model, setModel] = useState(options.initialModel);
  const [params, setParams] = useState<ParamsState>(() => ({
    thinking: carryThinkingChoice(
      conversation.thinking,
      options.models.find((candidate) => candidate.id === options.initialModel),
    ),
    ...(conversation.citations ? { citations: true } : {}),
  }));
  const [promptCaching, setPromptCaching] = useState(options.promptCaching);
  const [choice, setChoice] = useState(() => initialChoice(conversation, options.presets));
  const [systemPrompt, setSystemPrompt] = useState(conversation.systemPrompt);
  const [tools, setTools] = useState(conversation.tools);
  const scroll = useAutoScroll(chat.messages);
  const olderSentinel = useOlderMessages(scroll.container, chat.messages, chat.hasOlder, chat.loadOlder);
  const current = options.models.find((candidate) => candidate.id === model);
  const replyParams = paramsFor(current, params);
  const disabledTools = useMemo(() => new Set(options.disabledTools), [options.disabledTools]);
  const offered = useMemo(
    () => offeredTools(current, disabledTools, options.connectors),
    [current, disabledTools, options.connectors],
  );
  const replyTools = useMemo(() => toolsToSend(tools, offered), [tools, offered]);
  // Stable across renders while the settings stay the same, so unchanged messages are not re-rendered.
  const { retry, edit, switchBranch } = chat;
  // biome-ignore lint/correctness/useExhaustiveDependencies: replyParams is derived from model and params
  const onRetry = useCallback(
    (id: string) => void retry(id, model, replyParams, replyTools),
    [retry, model, params, replyTools],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: replyParams is derived from model and params
  const onEdit = useCallback(
    (id: string, text: string) => edit(id, text, model, replyParams, replyTools),
    [edit, model, params, replyTools],
  );
  const onSwitchBranch = useCallback((id: string) => void switchBranch(id), [switchBranch]);
  const [draft, setDraft] = useState("");
  // A new chat started from a summary: its draft was left for this page in sessionStorage.
  const [prefill, setPrefill] = useState<string | null>(null);
  useEffect(() => {
    if (conversation.id) return;
    const handed = takeNewChatDraft();
    if (handed !== null) setPrefill(handed);
  }, [conversation.id]);
  const lastShownId = chat.messages.findLast((message) => !message.id.startsWith("local-"))?.id;
  const draftCount = useTokenCount(
    draft.trim() || attachments.images.length > 0 || documents.documents.length > 0
      ? {
          kind: "send",
          conversationId: chat.conversationId ?? undefined,
          parentId: chat.conversationId ? lastShownId : undefined,
          presetId: chat.conversationId ? undefined : choice && choice !== CUSTOM_PROMPT ? choice : null,
          text: draft,
          ...attachmentChoices(attachments.images, documents.documents),
          model,
          params: replyParams,
          tools: replyTools,
        }
      : null,
  );
  const tooLong = draftCount?.limit != null && draftCount.tokens > draftCount.limit;
  // Lets browser tests wait until the page is interactive.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // A conversation started on this page: its saved prompt is the preset's copy made by the server.
  useEffect(() => {
    if (conversation.id || !chat.conversationId) return;
    void savedSystemPrompt(chat.conversationId).then(
      (result) => result.ok && setSystemPrompt(result.data.systemPrompt),
    );
  }, [conversation.id, chat.conversationId]);

  const choose = async (next: PromptChoice) => {
    setChoice(next);
    if (!chat.conversationId || next === CUSTOM_PROMPT) return;
    const saved = await saveSystemPrompt(chat.conversationId, { presetId: next || null });
    if (saved !== undefined) setSystemPrompt(saved);
  };

  const fileDrop = useFileDrop((dropped) => {
    const files = splitFiles(dropped);
    if (files.images.length > 0) attachments.add(files.images);
    if (files.documents.length > 0) documents.add(files.documents);
  });
  const offersTools = useCallback(
    (candidate: ModelInfo) => {
      const tools = offeredTools(candidate, disabledTools, options.connectors);
      return tools.server.length > 0 || tools.connectors.length > 0;
    },
    [disabledTools, options.connectors],
  );

  return (
    <main
      data-chat-ready={hydrated ? "" : undefined}
      className="relative flex min-h-0 flex-1 flex-col"
      {...fileDrop.handlers}
    >
      {fileDrop.active && <DropOverlay />}
      {chat.conversationId && (
        <HeaderActions>
          <div className="mr-1 max-sm:hidden">
            <ConversationCost conversationId={chat.conversationId} initial={conversation.cost} />
          </div>
          <SystemPromptEditor
            prompt={systemPrompt}
            onSave={async (prompt) => {
              if (!chat.conversationId) return false;
              const saved = await saveSystemPrompt(chat.conversationId, { systemPrompt: prompt || null });
              if (saved === undefined) return false;
              setSystemPrompt(saved);
              setChoice(saved ? CUSTOM_PROMPT : NO_PROMPT);
              return true;
            }}
          />
          <ShareButton conversationId={chat.conversationId} />
          <ConversationExport conversationId={chat.conversationId} />
        </HeaderActions>
      )}
      <div
        ref={scroll.container}
        onScroll={scroll.onScroll}
        className="relative min-h-0 flex-1 overflow-y-auto [overflow-anchor:none]"
      >
        <div data-message-list className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {chat.hasOlder && (
            <div ref={olderSentinel} className="text-center text-xs text-zinc-500 dark:text-zinc-400">
              {t("olderMessages")}
            </div>
          )}
          {chat.messages.length === 0 && (
            <h1 className="mt-24 text-center text-2xl font-semibold">{t("emptyTitle")}</h1>
          )}
          {chat.messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              demoMode={options.demoMode}
              busy={chat.streaming || chat.pending}
              onRetry={onRetry}
              onEdit={onEdit}
              onSwitchBranch={onSwitchBranch}
            />
          ))}
        </div>
      </div>
      {!scroll.pinned && (
        <button
          type="button"
          onClick={scroll.scrollToBottom}
          className="mx-auto -mt-10 mb-2 rounded-full border border-zinc-300 bg-white px-3 py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900"
        >
          {t("scrollToBottom")}
        </button>
      )}
      <ReplyAnnouncer messages={chat.messages} />
      <CopyLastReply messages={chat.messages} />
      <div className="px-2 pb-2 sm:px-4 sm:pb-4">
        {chat.sendError && (
          <p
            role="alert"
            data-error-code={chat.sendError.code}
            className="mx-auto mb-2 max-w-3xl rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {errorText(chat.sendError)}
          </p>
        )}
        {options.budget && <BudgetNotice budget={options.budget} />}
        <Composer
          streaming={chat.streaming}
          waiting={chat.pending}
          attachments={attachments}
          documents={documents}
          onTextChange={setDraft}
          status={
            <ContextMeter
              count={draftCount}
              model={model}
              overLimit={
                options.summaries &&
                chat.conversationId && <SummaryOffer conversationId={chat.conversationId} message={draft} />
              }
            />
          }
          tooLong={tooLong}
          prefill={prefill}
          onSend={async (text) => {
            const presetId = choice && choice !== CUSTOM_PROMPT ? choice : null;
            const accepted = await chat.send(text, model, replyParams, {
              images: attachments.images,
              documents: documents.documents,
              presetId,
              tools: replyTools,
            });
            if (accepted) {
              attachments.clear();
              documents.clear();
            }
            return accepted;
          }}
          onStop={chat.stop}
        >
          <ModelSettings
            models={options.models}
            model={model}
            onModelChange={(id) => {
              setModel(id);
              setParams((previous) =>
                paramsForModel(
                  options.models.find((candidate) => candidate.id === id),
                  previous,
                ),
              );
            }}
            params={params}
            onParamsChange={setParams}
            promptCaching={promptCaching}
            onPromptCachingChange={(on) => {
              setPromptCaching(on);
              void saveSettings({ promptCaching: on });
            }}
            offersTools={offersTools}
          />
          <ToolsMenu
            offered={offered}
            choices={tools}
            onChange={setTools}
            connectorsEnabled={!disabledTools.has("connectors")}
          />
          {/* Citations apply to documents: the switch shows with documents attached, or while on. */}
          {(documents.items.length > 0 || params.citations === true) && (
            <CitationsSwitch
              on={params.citations === true}
              onChange={(on) => setParams((previous) => ({ ...previous, citations: on || undefined }))}
            />
          )}
          <SystemPromptPicker
            presets={options.presets}
            value={choice}
            onChange={(next) => void choose(next)}
          />
        </Composer>
      </div>
    </main>
  );
}
