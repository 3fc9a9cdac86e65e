import { beforeAll, describe, expect, it } from "vitest";
import { findAttachment, findAttachmentMeta, findImages, saveImage, sha256Hex } from "@/lib/db/attachments";
import { db } from "@/lib/db/client";
import { png } from "../unit/images-fixtures";
import { newUser } from "./fixtures";

const image = (width: number, height: number) => ({
  bytes: png(width, height),
  mediaType: "image/png" as const,
  width,
  height,
});

describe("attachments", () => {
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
  });

  it("stores an image with its size, dimensions and sha256", async () => {
    const upload = image(3, 2);
    const { attachment, created } = await saveImage(owner, upload);
    expect(created).toBe(true);
    expect(attachment).toMatchObject({
      mediaType: "image/png",
      width: 3,
      height: 2,
      size: upload.bytes.length,
    });
    const row = await db.attachment.findFirst({ where: { id: attachment.id, userId: owner } });
    expect(row?.sha256).toBe(sha256Hex(upload.bytes));
    expect(Buffer.from(row!.bytes!).equals(Buffer.from(upload.bytes))).toBe(true);
  });

  it("dedupes the same bytes per user, not across users", async () => {
    const first = await saveImage(owner, image(5, 5));
    const again = await saveImage(owner, image(5, 5));
    expect(again).toEqual({ attachment: first.attachment, created: false });
    const other = await saveImage(stranger, image(5, 5));
    expect(other.created).toBe(true);
    expect(other.attachment.id).not.toBe(first.attachment.id);
    const sha256 = sha256Hex(image(5, 5).bytes);
    expect(await db.attachment.count({ where: { sha256 } })).toBe(2);
  });

  it("dedupes two uploads of the same image at once", async () => {
    const [a, b] = await Promise.all([saveImage(owner, image(6, 4)), saveImage(owner, image(6, 4))]);
    expect(a.attachment.id).toBe(b.attachment.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
  });

  it("serves the bytes only to their owner", async () => {
    const { attachment } = await saveImage(owner, image(7, 7));
    const found = await findAttachment(owner, attachment.id);
    expect(found).toMatchObject({ id: attachment.id, mediaType: "image/png" });
    expect(found?.bytes.length).toBe(attachment.size);
    expect(await findAttachment(stranger, attachment.id)).toBeNull();
    expect(await findAttachment(owner, "no-such-id")).toBeNull();
  });

  it("finds the owner's images among ids, in the order asked, skipping others'", async () => {
    const a = (await saveImage(owner, image(8, 1))).attachment;
    const b = (await saveImage(owner, image(8, 2))).attachment;
    const theirs = (await saveImage(stranger, image(8, 3))).attachment;
    const found = await findImages(owner, [b.id, theirs.id, a.id, "missing"]);
    expect(found.map((row) => row.id)).toEqual([b.id, a.id]);
    expect(await findImages(stranger, [a.id, b.id])).toEqual([]);
    expect(await findImages(owner, [])).toEqual([]);
    const meta = await findAttachmentMeta(owner, [a.id, theirs.id]);
    expect(meta).toEqual([
      { id: a.id, mediaType: "image/png", width: 8, height: 1, size: a.size, name: null, pages: null },
    ]);
  });
});
