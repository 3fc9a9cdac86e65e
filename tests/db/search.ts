import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveImage } from "@/lib/db/attachments";
import { db } from "@/lib/db/client";
import { deleteConversation, renameConversation } from "@/lib/db/conversations";
import { exportAccount, exportConversation, importConversation } from "@/lib/db/export";
import { finishReply } from "@/lib/db/messages";
import { RECENT_MESSAGES, searchConversations } from "@/lib/db/search";
import { conversationFileSchema } from "@/lib/export/schema";
import { searchConversationsTool } from "@/lib/tools/search-conversations";
import { parseSearchResult } from "@/lib/tools/search-result";
import { png } from "../unit/images-fixtures";
import { doneReply, HASH, newUser, saveReplyProgress, startConversation, text } from "./fixtures";

/** A conversation: one user message and its finished reply. */
async function chat(userId: string, message: string, reply: string) {
  const turn = await startConversation(userId, message);
  await finishReply(turn.assistantMessageId, { ...doneReply, content: text(reply) });
  return turn;
}

describe("search", () => {
  let owner: string;
  let stranger: string;
  const word = `zq${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
  });

  it("finds message text in the user's own conversations only", async () => {
    const mine = await chat(owner, "Tell me about owls", `Owls hunt at night, ${word} and all.`);
    await chat(stranger, "Tell me about owls", `Owls again, ${word}.`);
    const hits = await searchConversations(owner, word);
    expect(hits).toEqual([
      {
        conversationId: mine.conversationId,
        title: "Tell me about owls",
        messageId: mine.assistantMessageId,
        snippet: `Owls hunt at night, ${word} and all.`,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(await searchConversations(owner, word.toUpperCase())).toHaveLength(1);
  });

  it("finds titles, also with queries shorter than three characters", async () => {
    const { conversationId } = await chat(owner, "first", "second");
    await renameConversation(owner, conversationId, `Trip ${word} Kyoto`);
    const hits = await searchConversations(owner, `${word} Kyoto`);
    expect(hits).toContainEqual(expect.objectContaining({ conversationId, messageId: null }));
    const other = await chat(owner, "x", "y");
    await renameConversation(owner, other.conversationId, "Qx");
    expect(await searchConversations(owner, "Qx")).toEqual([
      {
        conversationId: other.conversationId,
        title: "Qx",
        messageId: null,
        snippet: "Qx",
        at: expect.any(String),
      },
    ]);
    expect(await searchConversations(stranger, "Qx")).toEqual([]);
  });

  it("finds Japanese substrings", async () => {
    const tag = randomUUID().slice(0, 6);
    const { userMessageId } = await chat(owner, `東京タワーの高さは何メートルですか ${tag}`, "333 m");
    const hits = await searchConversations(owner, "タワーの高さ");
    expect(hits.map((hit) => hit.messageId)).toContain(userMessageId);
    expect(await searchConversations(stranger, "タワーの高さ")).toEqual([]);
  });

  it("indexes replies once they finish and forgets deleted conversations", async () => {
    const late = `late${randomUUID().slice(0, 8)}`;
    const turn = await startConversation(owner, "streaming");
    await saveReplyProgress(turn.assistantMessageId, text(`partial ${late}`));
    expect(await searchConversations(owner, late)).toEqual([]);
    await finishReply(turn.assistantMessageId, { ...doneReply, content: text(`final ${late}`) });
    expect(await searchConversations(owner, late)).toEqual([
      expect.objectContaining({ messageId: turn.assistantMessageId, snippet: `final ${late}` }),
    ]);
    await deleteConversation(owner, turn.conversationId);
    expect(await searchConversations(owner, late)).toEqual([]);
  });

  it("treats LIKE and FTS operators in the query as plain text", async () => {
    expect(await searchConversations(owner, '%"_ OR *')).toEqual([]);
    expect(await searchConversations(owner, "   ")).toEqual([]);
  });

  it("answers at most 50 results, newest first", async () => {
    const many = `many${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 27; index++) await chat(owner, `${many} question ${index}`, `${many} answer`);
    const hits = await searchConversations(owner, many);
    expect(hits).toHaveLength(50);
    expect(hits[0]?.snippet).toBe(`${many} answer`);
  });

  it("finds matches older than the user's newest RECENT_MESSAGES messages", async () => {
    const user = (await newUser()).id;
    const rare = `rare${randomUUID().slice(0, 8)}`;
    const old = await chat(user, `An old ${rare} question`, "An old answer");
    await db.message.update({
      where: { id: old.userMessageId },
      data: { createdAt: new Date("2020-01-01") },
    });
    const filler = await chat(user, "Filler", "Filler");
    const hourAgo = Date.now() - 3_600_000;
    await db.message.createMany({
      data: Array.from({ length: RECENT_MESSAGES }, (_, index) => ({
        conversationId: filler.conversationId,
        role: "user",
        content: JSON.stringify(text(`filler ${index}`)),
        createdAt: new Date(hourAgo + index),
      })),
    });
    const recent = await chat(user, `A recent ${rare} question`, "A recent answer");
    const hits = await searchConversations(user, rare);
    const messageHits = hits.filter((hit) => hit.messageId !== null);
    expect(messageHits.map((hit) => hit.messageId)).toEqual([recent.userMessageId, old.userMessageId]);
    expect(await searchConversations(owner, rare)).toEqual([]);
  });
});

describe("export and import", () => {
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
  });

  it("round-trips a conversation with its branches and images", async () => {
    const image = png(4, 3);
    const { attachment } = await saveImage(owner, {
      bytes: image,
      mediaType: "image/png",
      width: 4,
      height: 3,
    });
    const turn = await startConversation(owner, "Look at this");
    await db.message.update({
      where: { id: turn.userMessageId },
      data: {
        content: JSON.stringify([
          {
            type: "image",
            source: { type: "attachment", attachment_id: attachment.id, media_type: "image/png" },
          },
          { type: "text", text: "Look at this" },
        ]),
      },
    });
    await finishReply(turn.assistantMessageId, { ...doneReply, content: text("A tiny image.") });

    const file = await exportConversation(owner, turn.conversationId);
    expect(file).not.toBeNull();
    expect(await exportConversation(stranger, turn.conversationId)).toBeNull();
    const parsed = conversationFileSchema.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.attachments).toEqual([
      { id: attachment.id, mediaType: "image/png", data: Buffer.from(image).toString("base64") },
    ]);

    // Imported by the owner: the image is deduped; by another user: stored again for them.
    const copy = await importConversation(owner, parsed);
    expect(copy.id).not.toBe(turn.conversationId);
    const again = await exportConversation(owner, copy.id);
    const strip = (messages: typeof parsed.conversation.messages) =>
      messages.map(({ id: _id, parentId, ...rest }) => ({ ...rest, root: parentId === null }));
    expect(strip(again!.conversation.messages)).toEqual(strip(parsed.conversation.messages));
    expect(again!.attachments).toEqual(parsed.attachments);

    const theirs = await importConversation(stranger, parsed);
    const theirFile = await exportConversation(stranger, theirs.id);
    const theirImage = theirFile!.attachments[0];
    expect(theirImage?.id).not.toBe(attachment.id);
    expect(theirImage?.data).toBe(parsed.attachments[0]?.data);
  });

  it("refuses images that refer to no attachment of the file", async () => {
    const turn = await chat(owner, "plain", "reply");
    const file = conversationFileSchema.parse(
      JSON.parse(JSON.stringify(await exportConversation(owner, turn.conversationId))),
    );
    const first = file.conversation.messages[0]!;
    first.content = [{ type: "image", source: { type: "attachment", attachment_id: "someone-elses" } }];
    await expect(importConversation(stranger, file)).rejects.toMatchObject({ code: "bad_request:input" });
    expect(await db.conversation.count({ where: { userId: stranger, title: "plain" } })).toBe(0);
  });

  it("refuses image URLs that sending refuses, naming the message, before storing anything", async () => {
    const user = (await newUser()).id;
    const turn = await chat(owner, "with a picture", "reply");
    const file = conversationFileSchema.parse(
      JSON.parse(JSON.stringify(await exportConversation(owner, turn.conversationId))),
    );
    const image = png(5, 5);
    file.attachments = [{ id: "img1", mediaType: "image/png", data: Buffer.from(image).toString("base64") }];
    const withUrl = (url: string) => {
      const copy = structuredClone(file);
      copy.conversation.messages[1]!.content.unshift({ type: "image", source: { type: "url", url } });
      return copy;
    };

    await expect(importConversation(user, withUrl("http://127.0.0.1/private.png"))).rejects.toThrow(
      "conversation.messages.1: image URL not accepted (scheme): use an https:// image address.",
    );
    await expect(
      importConversation(user, withUrl("https://me:secret@example.com/a.png"), { allowHttpImages: true }),
    ).rejects.toThrow("conversation.messages.1: image URL not accepted (credentials)");
    expect(await db.conversation.count({ where: { userId: user } })).toBe(0);
    expect(await db.attachment.count({ where: { userId: user } })).toBe(0);

    const allowed = await importConversation(user, withUrl("http://127.0.0.1/private.png"), {
      allowHttpImages: true,
    });
    const copy = await exportConversation(user, allowed.id);
    expect(copy?.conversation.messages[1]?.content[0]).toEqual({
      type: "image",
      source: { type: "url", url: "http://127.0.0.1/private.png" },
    });
  });

  it("refuses an attachment that does not decode, storing nothing", async () => {
    const user = (await newUser()).id;
    const turn = await chat(owner, "forged image", "reply");
    const file = conversationFileSchema.parse(
      JSON.parse(JSON.stringify(await exportConversation(owner, turn.conversationId))),
    );
    const forged = Buffer.concat([png(60, 40).subarray(0, 33), Buffer.from("<html><script></script>IEND")]);
    file.attachments = [
      { id: "good", mediaType: "image/png", data: Buffer.from(png(3, 3)).toString("base64") },
      { id: "forged", mediaType: "image/png", data: forged.toString("base64") },
    ];
    await expect(importConversation(user, file)).rejects.toThrow(
      "attachments.1: is not a supported image (damaged)",
    );
    expect(await db.attachment.count({ where: { userId: user } })).toBe(0);
  });

  it("exports all of a user's data without the password hash", async () => {
    const user = await newUser();
    await chat(user.id, "Only mine", "ok");
    await db.preset.create({ data: { userId: user.id, name: "Terse", prompt: "Be terse." } });
    const data = await exportAccount(user.id);
    expect(data.user.email).toBe(user.email);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain(HASH);
    expect(data.conversations.map((conversation) => conversation.title)).toEqual(["Only mine"]);
    expect(data.presets).toContainEqual(expect.objectContaining({ name: "Terse", prompt: "Be terse." }));
  });

  it("search_conversations (the tool Claude calls) returns the user's own hits only, never the conversation asked from", async () => {
    const tool = searchConversationsTool(searchConversations);
    const term = `tq${randomUUID().slice(0, 8)}`;
    const mine = await chat(owner, `Garden plans ${term}`, "Tomatoes first.");
    const asking = await chat(owner, `Where are my ${term} notes?`, "Let me look.");
    const theirs = await chat(stranger, `Garden plans ${term} of someone else`, "Secret.");
    const signal = new AbortController().signal;
    const output = await tool.run(
      { query: term },
      { userId: owner, conversationId: asking.conversationId, signal },
    );
    const result = parseSearchResult(output.text);
    expect(output.isError).toBeUndefined();
    expect(result?.results.map((hit) => hit.url)).toEqual([
      `/c/${mine.conversationId}?m=${mine.userMessageId}#m-${mine.userMessageId}`,
    ]);
    expect(output.text).not.toContain(theirs.conversationId);
    expect(output.text).not.toContain("someone else");
    const strangers = await tool.run({ query: term }, { userId: stranger, conversationId: "none", signal });
    expect(strangers.text).not.toContain(mine.conversationId);
  });
});
