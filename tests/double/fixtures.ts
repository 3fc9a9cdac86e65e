import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/anthropic/", import.meta.url));

export function fixturePath(file: string): string {
  return FIXTURE_DIR + file;
}

export function readFixtureJson<T>(file: string): T {
  return JSON.parse(readFileSync(fixturePath(file), "utf8")) as T;
}

export function sseFixtureExists(name: string): boolean {
  return /^[a-z0-9_]+$/.test(name) && existsSync(fixturePath(`${name}.sse`));
}

export function readSseFixture(name: string): Buffer {
  return readFileSync(fixturePath(`${name}.sse`));
}
