import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { recordedDir } from "@gadget/test-support/shared-data";

export { hasShared, kitsuFactsDir as sharedKitsu } from "@gadget/test-support/shared-data";

export interface RecordedCase {
  request: { method: string; path: string; query: Record<string, string>; json: unknown };
  response: { status: number; json?: unknown };
}

/** A recorded Zou exchange by its number ("160" → 160-shots-with-tasks.json). */
export function recorded(number: string): RecordedCase {
  const dir = recordedDir;
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}-`));
  if (!file) throw new Error(`no recorded case ${number} in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as RecordedCase;
}

export const body = (number: string): unknown => recorded(number).response.json;
export const first = (number: string): unknown => (body(number) as unknown[])[0];
