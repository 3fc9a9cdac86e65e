"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReplyParams } from "@/lib/chat/request";
import type { ChatMessage } from "@/lib/chat/view-model";
import type { ModelInfo } from "@/lib/model/types";
import { Composer } from "./composer";
import { MessageItem } from "./message-item";
import { ModelSettings } from "./model-settings";
import { useAutoScroll } from "./use-auto-scroll";
import { useChat } from "./use-chat";

export interface ChatViewProps {
  conversationId: string | null;
  initialMessages: ChatMessage[];
  models: ModelInfo[];
  initialModel: string;
  demoMode: boolean;
}

/** Parameters the chosen model accepts: sampling ones dropped where not allowed, max tokens capped. */
function paramsFor(model: ModelInfo | undefined, params: ReplyParams): ReplyParams {
  if (!model) return params;
  const { temperature, topP, topK, maxTokens, ...rest } = params;
  return {
    ...rest,
    ...(maxTokens !== undefined ? { maxTokens: Math.min(maxTokens, model.maxOutputTokens) } : {}),
    ...(model.samplingParams ? { temperature, topP, topK } : {}),
  };
}

export function ChatView({ conversationId, initialMessages, models, initialModel, demoMode }: ChatViewProps) {
  const t = useTranslations("chat");
  const chat = useChat({ conversationId, initialMessages });
  const [model, setModel] = useState(initialModel);
  const [params, setParams] = useState<ReplyParams>({});
  const scroll = useAutoScroll(chat.messages);
  const current = models.find((candidate) => candidate.id === model);
  const lastMessage = chat.messages.at(-1);

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scroll.container}
        onScroll={scroll.onScroll}
        className="relative min-h-0 flex-1 overflow-y-auto"
      >
        <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {chat.messages.length === 0 && (
            <h1 className="mt-24 text-center text-2xl font-semibold">{t("emptyTitle")}</h1>
          )}
          {chat.messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              demoMode={demoMode}
              onRetry={
                message === lastMessage && !chat.streaming
                  ? (id) => void chat.retry(id, model, paramsFor(current, params))
                  : undefined
              }
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
      <div className="px-4 pb-4">
        {chat.sendError && (
          <p
            role="alert"
            className="mx-auto mb-2 max-w-3xl rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {chat.sendError === "connection_error" ? t("errors.connection_error") : chat.sendError}
          </p>
        )}
        <Composer
          streaming={chat.streaming}
          onSend={(text) => chat.send(text, model, paramsFor(current, params))}
          onStop={chat.stop}
        >
          <ModelSettings
            models={models}
            model={model}
            onModelChange={(id) => {
              setModel(id);
              setParams((previous) =>
                paramsFor(
                  models.find((candidate) => candidate.id === id),
                  previous,
                ),
              );
            }}
            params={params}
            onParamsChange={setParams}
          />
        </Composer>
      </div>
    </main>
  );
}
