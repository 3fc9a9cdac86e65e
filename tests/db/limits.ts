import { describe, expect, it } from "vitest";
import { saveImage } from "@/lib/db/attachments";
import { countGeneratingReplies, finishReply } from "@/lib/db/messages";
import { assertStorageRoom } from "@/lib/limits/storage";
import { png } from "../unit/images-fixtures";
import { doneReply, newUser, startConversation } from "./fixtures";

describe("limits", () => {
  it("counts the user's replies being generated, in every conversation, and only theirs", async () => {
    const user = (await newUser()).id;
    const other = (await newUser()).id;
    const first = await startConversation(user, "one");
    await startConversation(user, "two");
    await startConversation(other, "theirs");
    expect(await countGeneratingReplies(user)).toBe(2);
    await finishReply(first.assistantMessageId, doneReply);
    expect(await countGeneratingReplies(user)).toBe(1);
  });

  it("refuses images past the storage quota with 413, counting only bytes not stored yet", async () => {
    const user = (await newUser()).id;
    const stored = png(40, 40);
    await saveImage(user, { bytes: stored, mediaType: "image/png", width: 40, height: 40 });
    const another = png(41, 40);
    const quota = stored.length + another.length;

    await assertStorageRoom(user, [another], quota);
    await assertStorageRoom(user, [stored, another, another], quota);
    const refusal = assertStorageRoom(user, [another, png(42, 40)], quota);
    await expect(refusal).rejects.toMatchObject({ code: "quota_exceeded:storage", status: 413 });
    await expect(refusal).rejects.toThrow(/^Not enough storage: .* over your quota of \d+ KB\.$/);
    // Already stored: no more room needed, even when the quota is full.
    await assertStorageRoom(user, [stored], stored.length);
    // Another user's images do not count.
    await assertStorageRoom((await newUser()).id, [another], another.length);
  });
});
