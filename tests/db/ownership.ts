import { beforeAll, describe, expect, it } from "vitest";
import { findConversation } from "@/lib/db/conversations";
import { findOwnedMessage, findOwnedMessageWithConversation } from "@/lib/db/messages";
import { activePath, branchTo, newUser, startConversation } from "./fixtures";

describe("ownership", () => {
  let owner: string;
  let stranger: string;
  let turn: Awaited<ReturnType<typeof startConversation>>;

  beforeAll(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
    turn = await startConversation(owner);
  });

  it("findConversation finds only the owner's conversation", async () => {
    expect(await findConversation(owner, turn.conversationId)).toMatchObject({ id: turn.conversationId });
    expect(await findConversation(stranger, turn.conversationId)).toBeNull();
  });

  it("activePath is empty for another user", async () => {
    expect(await activePath(turn.conversationId, owner)).toHaveLength(2);
    expect(await activePath(turn.conversationId, stranger)).toEqual([]);
  });

  it("findOwnedMessage and findOwnedMessageWithConversation find only the owner's messages", async () => {
    const id = turn.assistantMessageId;
    expect(await findOwnedMessage(id, owner)).toMatchObject({ id, role: "assistant" });
    expect(await findOwnedMessageWithConversation(id, owner)).toMatchObject({
      id,
      conversationId: turn.conversationId,
    });
    expect(await findOwnedMessage(id, stranger)).toBeNull();
    expect(await findOwnedMessageWithConversation(id, stranger)).toBeNull();
  });

  it("branchTo is empty for another user", async () => {
    const { conversationId, assistantMessageId } = turn;
    expect(await branchTo(conversationId, owner, assistantMessageId)).toHaveLength(2);
    expect(await branchTo(conversationId, stranger, assistantMessageId)).toEqual([]);
  });
});
