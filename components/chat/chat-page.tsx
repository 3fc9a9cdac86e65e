import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { summaryModel } from "@/lib/chat/summary-service";
import { THINKING_CHOICES, type ThinkingChoice } from "@/lib/chat/thinking";
import { toMessagePage } from "@/lib/chat/view-model";
import { budgetStatus } from "@/lib/db/budget";
import { listConnectors } from "@/lib/db/connectors";
import { findConversation } from "@/lib/db/conversations";
import { activePathPage, conversationReplyUsage, pathPageThrough } from "@/lib/db/messages";
import { listPresetOptions } from "@/lib/db/presets";
import { getUserSettings } from "@/lib/db/settings";
import { env } from "@/lib/env";
import { defaultModelId, listModels } from "@/lib/model/models";
import { providerDisabledTools, providerLacks } from "@/lib/model/providers";
import { summarizeCosts } from "@/lib/pricing/cost";
import { savedToolChoices } from "@/lib/tools/choices";
import { SERVER_TOOL_IDS } from "@/lib/tools/server-tools";
import { ChatView } from "./chat-view";
import { FreshNewChat } from "./fresh-new-chat";
import type { DisabledToolList } from "./tool-selection";

function savedThinking(value: string | null | undefined): ThinkingChoice {
  return THINKING_CHOICES.find((choice) => choice === value) ?? "off";
}

/** Server part of a chat page: loads the conversation (owned by the signed-in user), models and presets. */
export async function ChatPage({
  conversationId,
  focusMessageId = null,
}: {
  conversationId: string | null;
  focusMessageId?: string | null;
}) {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login");
  const { demoMode, DISABLED_TOOLS } = env();
  // The demo model cannot use tools: every switch is off the menu.
  // A cloud platform may lack some tools too: they are off the menu as well.
  const disabledTools: DisabledToolList = demoMode
    ? [...SERVER_TOOL_IDS, "connectors"]
    : [...DISABLED_TOOLS, ...providerDisabledTools()];
  const [conversation, { models }, settings, presets, connectors, budget] = await Promise.all([
    conversationId ? findConversation(userId, conversationId) : null,
    listModels(),
    getUserSettings(userId),
    listPresetOptions(userId),
    disabledTools.includes("connectors") ? [] : listConnectors(userId),
    budgetStatus(userId),
  ]);
  if (conversationId && !conversation) notFound();
  const focused =
    conversation && focusMessageId ? await pathPageThrough(conversation.id, userId, focusMessageId) : null;
  const [page, replyUsage] = await Promise.all([
    focused ?? (conversation ? activePathPage(conversation.id, userId) : null),
    conversation ? conversationReplyUsage(conversation.id, userId) : [],
  ]);
  const offered =
    conversation && models.some((model) => model.id === conversation.model) ? conversation.model : null;
  return (
    <FreshNewChat>
      <ChatView
        // Opening a search hit in the conversation on screen loads it afresh around that message.
        key={`${conversationId ?? "new"}-${focused ? focusMessageId : ""}`}
        conversation={{
          id: conversationId,
          messages: page ? toMessagePage(page).messages : [],
          olderCursor: page?.olderCursor ?? null,
          cost: summarizeCosts(replyUsage),
          systemPrompt: conversation?.systemPrompt ?? null,
          presetId: conversation?.presetId ?? null,
          thinking: savedThinking(conversation?.thinking),
          tools: savedToolChoices(conversation?.tools),
          citations: conversation?.citations ?? false,
        }}
        options={{
          models,
          initialModel: offered ?? defaultModelId(models),
          presets,
          promptCaching: settings.promptCaching,
          allowHttpImages: env().ALLOW_HTTP_IMAGE_URLS,
          imageUrls: !providerLacks("url_images"),
          demoMode,
          connectors,
          disabledTools,
          budget,
          summaries: summaryModel() !== null,
        }}
      />
    </FreshNewChat>
  );
}
