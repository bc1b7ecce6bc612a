import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/kitsu`: CI has shared/ beside the clone, never inside it. */
export const sharedKitsu = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/kitsu");
export const hasShared = existsSync(join(sharedKitsu, "recorded"));

export interface RecordedCase {
  request: { method: string; path: string; query: Record<string, string>; json: unknown };
  response: { status: number; json?: unknown };
}

/** A recorded Zou exchange by its number ("160" → 160-shots-with-tasks.json). */
export function recorded(number: string): RecordedCase {
  const dir = join(sharedKitsu, "recorded");
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}-`));
  if (!file) throw new Error(`no recorded case ${number} in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as RecordedCase;
}

export const body = (number: string): unknown => recorded(number).response.json;
export const first = (number: string): unknown => (body(number) as unknown[])[0];
