import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/sqlite/client";
import {
  DUPLICATE_NAME_MESSAGE,
  type PresetData,
  type PresetInput,
  type PresetUpdate,
} from "@/lib/presets/schema";
import { db } from "./client";

const fields = { id: true, name: true, prompt: true, isDefault: true } as const;

/** The user's presets, the default first, then by name. */
export function listPresets(userId: string): Promise<PresetData[]> {
  return db.preset.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: fields,
  });
}

export function findPreset(userId: string, id: string): Promise<PresetData | null> {
  return db.preset.findFirst({ where: { id, userId }, select: fields });
}

export function findDefaultPreset(userId: string): Promise<PresetData | null> {
  return db.preset.findFirst({ where: { userId, isDefault: true }, select: fields });
}

/** For the composer's picker. */
export function listPresetOptions(
  userId: string,
): Promise<{ id: string; name: string; isDefault: boolean }[]> {
  return db.preset.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, isDefault: true },
  });
}

export async function findPresetPrompt(userId: string, id: string): Promise<string | null> {
  const preset = await db.preset.findFirst({ where: { id, userId }, select: { prompt: true } });
  return preset?.prompt ?? null;
}

/** Throws AppError("bad_request:input") when the user already has a preset of that name. */
export function createPreset(userId: string, input: PresetInput): Promise<PresetData> {
  return write(userId, input.isDefault, async (tx) => {
    const preset = await tx.preset.create({ data: { ...input, userId }, select: fields });
    if (input.isDefault) await clearOtherDefaults(tx, userId, preset.id);
    return preset;
  });
}

/** Null when the user has no such preset; AppError("bad_request:input") on a taken name. */
export function updatePreset(userId: string, id: string, input: PresetUpdate): Promise<PresetData | null> {
  return write(userId, input.isDefault === true, async (tx) => {
    const { count } = await tx.preset.updateMany({ where: { id, userId }, data: input });
    if (count === 0) return null;
    if (input.isDefault) await clearOtherDefaults(tx, userId, id);
    return tx.preset.findFirst({ where: { id, userId }, select: fields });
  });
}

/** Makes the preset the user's only default; null when the user has no such preset. */
export function setDefaultPreset(userId: string, id: string): Promise<PresetData | null> {
  return updatePreset(userId, id, { isDefault: true });
}

/** False when the user has no such preset. */
export async function deletePreset(userId: string, id: string): Promise<boolean> {
  const { count } = await db.preset.deleteMany({ where: { id, userId } });
  return count > 0;
}

function clearOtherDefaults(tx: Prisma.TransactionClient, userId: string, keepId: string) {
  return tx.preset.updateMany({
    where: { userId, isDefault: true, id: { not: keepId } },
    data: { isDefault: false },
  });
}

/**
 * Runs a preset write in a transaction and turns a taken name into a clear error. A write that makes a
 * preset default first locks the user's row, so that concurrent ones for the same user run one after
 * the other and leave a single default (SQLite already runs one write transaction at a time).
 */
async function write<T>(
  userId: string,
  setsDefault: boolean,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      if (setsDefault && env().databaseKind === "postgres") {
        await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
      }
      return work(tx);
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    throw new AppError("conflict:preset_name", DUPLICATE_NAME_MESSAGE, [
      { path: "name", message: DUPLICATE_NAME_MESSAGE },
    ]);
  }
}
