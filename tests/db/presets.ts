import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createPreset,
  deletePreset,
  findDefaultPreset,
  findPreset,
  findPresetPrompt,
  listPresetOptions,
  listPresets,
  setDefaultPreset,
  updatePreset,
} from "@/lib/db/presets";
import { createUser } from "@/lib/db/users";
import { DUPLICATE_NAME_MESSAGE } from "@/lib/presets/schema";
import { STARTER_PRESETS } from "@/lib/presets/starters";
import { HASH, newUser, uniqueEmail } from "./fixtures";

const input = (name: string, isDefault = false) => ({ name, prompt: `Prompt of ${name}`, isDefault });
const defaults = (userId: string) =>
  db.preset.findMany({ where: { userId, isDefault: true }, select: { name: true } });

describe("starter presets", () => {
  it("are created with the user, none of them default", async () => {
    const { id } = await newUser();
    const presets = await listPresets(id);
    expect(presets.map((preset) => preset.name).sort()).toEqual(
      STARTER_PRESETS.en.map((preset) => preset.name).sort(),
    );
    expect(presets.every((preset) => !preset.isDefault)).toBe(true);
    expect(await findDefaultPreset(id)).toBeNull();
  });

  it("are in Japanese for an account registered from a Japanese page", async () => {
    const { id } = await createUser(uniqueEmail(), HASH, { locale: "ja" });
    expect((await listPresets(id)).map((preset) => preset.name).sort()).toEqual(
      STARTER_PRESETS.ja.map((preset) => preset.name).sort(),
    );
  });

  it("can be edited and deleted like any preset", async () => {
    const { id } = await newUser();
    const [first, second] = await listPresets(id);
    expect(await updatePreset(id, first!.id, { prompt: "Changed." })).toMatchObject({ prompt: "Changed." });
    expect(await deletePreset(id, second!.id)).toBe(true);
    expect(await listPresets(id)).toHaveLength(STARTER_PRESETS.en.length - 1);
  });
});

describe("presets", () => {
  let owner: string;
  let stranger: string;

  beforeEach(async () => {
    owner = (await newUser()).id;
    stranger = (await newUser()).id;
    await db.preset.deleteMany({ where: { userId: { in: [owner, stranger] } } });
  });

  it("lists the default first, then by name", async () => {
    await createPreset(owner, input("Bravo"));
    await createPreset(owner, input("Charlie", true));
    await createPreset(owner, input("Alpha"));
    expect((await listPresets(owner)).map((preset) => preset.name)).toEqual(["Charlie", "Alpha", "Bravo"]);
    expect(await listPresetOptions(owner)).toEqual([
      expect.objectContaining({ name: "Charlie", isDefault: true }),
      expect.objectContaining({ name: "Alpha", isDefault: false }),
      expect.objectContaining({ name: "Bravo", isDefault: false }),
    ]);
    expect(Object.keys((await listPresetOptions(owner))[0]!).sort()).toEqual(["id", "isDefault", "name"]);
  });

  it("scopes every read and write to the owner", async () => {
    const preset = await createPreset(owner, input("Private"));
    expect(await findPreset(owner, preset.id)).toMatchObject({ name: "Private" });
    expect(await findPresetPrompt(owner, preset.id)).toBe("Prompt of Private");

    expect(await findPreset(stranger, preset.id)).toBeNull();
    expect(await findPresetPrompt(stranger, preset.id)).toBeNull();
    expect(await listPresets(stranger)).toEqual([]);
    expect(await updatePreset(stranger, preset.id, { name: "Stolen" })).toBeNull();
    expect(await setDefaultPreset(stranger, preset.id)).toBeNull();
    expect(await deletePreset(stranger, preset.id)).toBe(false);

    expect(await findPreset(owner, preset.id)).toMatchObject({ name: "Private", isDefault: false });
  });

  it("keeps names unique per user with a clear error, not per installation", async () => {
    const first = await createPreset(owner, input("Tutor"));
    const duplicate = { code: "conflict:preset_name", message: DUPLICATE_NAME_MESSAGE };
    await expect(createPreset(owner, input("Tutor"))).rejects.toMatchObject(duplicate);
    const second = await createPreset(owner, input("Other"));
    await expect(updatePreset(owner, second.id, { name: "Tutor" })).rejects.toMatchObject(duplicate);
    expect(await updatePreset(owner, first.id, { name: "Tutor" })).toMatchObject({ id: first.id });
    expect(await createPreset(stranger, input("Tutor"))).toMatchObject({ name: "Tutor" });
  });

  it("keeps at most one default per user", async () => {
    const a = await createPreset(owner, input("A", true));
    const b = await createPreset(owner, input("B", true));
    expect(await defaults(owner)).toEqual([{ name: "B" }]);

    await setDefaultPreset(owner, a.id);
    expect(await defaults(owner)).toEqual([{ name: "A" }]);
    expect(await findDefaultPreset(owner)).toMatchObject({ id: a.id });

    await updatePreset(owner, b.id, { isDefault: true, prompt: "New" });
    expect(await defaults(owner)).toEqual([{ name: "B" }]);

    await updatePreset(owner, b.id, { isDefault: false });
    expect(await findDefaultPreset(owner)).toBeNull();
  });

  it("another user's default is untouched", async () => {
    await createPreset(stranger, input("Theirs", true));
    await createPreset(owner, input("Mine", true));
    expect(await defaults(stranger)).toEqual([{ name: "Theirs" }]);
  });

  it("concurrent set-default requests leave one default", async () => {
    const presets = await Promise.all(["A", "B", "C", "D"].map((name) => createPreset(owner, input(name))));
    await Promise.all(presets.map((preset) => setDefaultPreset(owner, preset.id)));
    expect(await defaults(owner)).toHaveLength(1);
  });

  it("deleting a preset keeps the conversations that used it", async () => {
    const preset = await createPreset(owner, input("Used"));
    const conversation = await db.conversation.create({
      data: { userId: owner, title: "T", model: "m", systemPrompt: preset.prompt, presetId: preset.id },
    });
    expect(await deletePreset(owner, preset.id)).toBe(true);
    expect(await db.conversation.findUnique({ where: { id: conversation.id } })).toMatchObject({
      presetId: null,
      systemPrompt: "Prompt of Used",
    });
  });
});
