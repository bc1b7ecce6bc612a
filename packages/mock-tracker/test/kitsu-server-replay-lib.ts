import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { differentialRecordedDir, recordedDir } from "@gadget/test-support/shared-data";

/*
 * The pieces of the recorded-case replay: reading the cases, mapping recorded ids to the ids this
 * server returned, and comparing answers by shape (key sets, value types; ids and timestamps aside)
 * plus the exact text of error messages, which clients key on.
 */

export type Json = unknown;

export interface RecordedCase {
  case: string;
  actor: "admin" | "artist" | "bot" | "anonymous";
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    json: Json;
    multipart:
      | ({ field: string; value: string } | { field: string; filename: string; contentType: string; bytes: number })[]
      | null;
  };
  response: { status: number; json?: Json };
  events: { name: string; data: Record<string, unknown> }[];
}

export { recordedDir };

/**
 * The runs the differential tester recorded on a real Zou (tests/differential/recorded/<run>/),
 * each replayed on a fresh server; a run's ALLOW.json lists its cases allowed to differ, with why.
 */
export function differentialRuns(): { dir: string; allowList: Record<string, string> }[] {
  const root = differentialRecordedDir;
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((run) => existsSync(join(root, run, "INDEX.md")))
    .sort()
    .map((run) => {
      const allow = join(root, run, "ALLOW.json");
      return {
        dir: join(root, run),
        allowList: existsSync(allow) ? (JSON.parse(readFileSync(allow, "utf8")) as Record<string, string>) : {},
      };
    });
}

export function recordedCases(dir = recordedDir): { file: string; num: string; c: RecordedCase }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((file) => ({
      file,
      num: file.slice(0, 3),
      c: JSON.parse(readFileSync(join(dir, file), "utf8")) as RecordedCase,
    }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Recorded id → this server's id, learnt from answers in replay order. */
export class IdMap {
  private readonly ids = new Map<string, string>();

  learn(recorded: Json, actual: Json): void {
    if (typeof recorded === "string" && typeof actual === "string" && UUID.test(recorded) && UUID.test(actual)) {
      if (!this.ids.has(recorded)) this.ids.set(recorded, actual);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      recorded.forEach((r, i) => {
        const name = r && typeof r === "object" ? (r as Record<string, unknown>).name : undefined;
        // A preview's `name` is a token Zou draws: no namesake, then the same position.
        const match =
          (name !== undefined
            ? actual.find((a) => a && typeof a === "object" && (a as Record<string, unknown>).name === name)
            : undefined) ?? actual[i];
        this.learn(r, match);
      });
      return;
    }
    if (recorded && actual && typeof recorded === "object" && typeof actual === "object") {
      for (const [k, v] of Object.entries(recorded)) this.learn(v, (actual as Record<string, unknown>)[k]);
    }
  }

  /**
   * A record the recorded server created and this one refused (an allow-listed divergence): its
   * id points nowhere here, so that later requests on it miss instead of hitting a namesake.
   */
  orphan(recorded: Json): void {
    const id = recorded && typeof recorded === "object" ? (recorded as Record<string, unknown>).id : undefined;
    if (typeof id === "string" && UUID.test(id) && !this.ids.has(id)) this.ids.set(id, randomUUID());
  }

  subst(text: string): string {
    return text.replace(UUIDS, (m) => this.ids.get(m) ?? m);
  }
}

/** Error texts compared verbatim (ids substituted); `msg` is flask-jwt-extended's, `message` the app's. */
function messageDiff(recorded: Json, actual: Json, ids: IdMap): string | undefined {
  if (!recorded || typeof recorded !== "object" || Array.isArray(recorded)) return undefined;
  const r = recorded as Record<string, unknown>;
  const a = (actual ?? {}) as Record<string, unknown>;
  for (const key of ["msg", "message"]) {
    if (typeof r[key] !== "string") continue;
    const want = ids.subst(r[key] as string);
    if (a[key] !== want) return `$.${key}: ${JSON.stringify(a[key])} (recorded ${JSON.stringify(want)})`;
  }
  return undefined;
}

export function shapeDiff(recorded: Json, actual: Json, path: string): string | undefined {
  if (recorded === null || actual === null) return undefined;
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) return `${path}: expected array`;
    if (recorded.length === 0 || actual.length === 0) return undefined;
    return shapeDiff(recorded[0], actual[0], `${path}[0]`);
  }
  if (typeof recorded === "object") {
    if (typeof actual !== "object" || Array.isArray(actual)) return `${path}: expected object`;
    const r = Object.keys(recorded as object).sort();
    const a = Object.keys(actual as object).sort();
    // Maps keyed by ids (time sheets, project priorities) have no fixed key set.
    if (UUID.test(r[0] ?? "") || r.every((k) => UUID.test(k) || k === "total")) return undefined;
    const missing = r.filter((k) => !a.includes(k));
    const extra = a.filter((k) => !r.includes(k));
    if (missing.length || extra.length) return `${path}: missing [${missing}] extra [${extra}]`;
    for (const k of r) {
      // A row's `data` is its custom data: its keys are content, and lists need not match row for row.
      const value = (recorded as Record<string, Json>)[k] ?? null;
      if (k === "data" && value !== null && typeof value === "object" && !Array.isArray(value)) continue;
      const d = shapeDiff(value, (actual as Record<string, Json>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return typeof recorded === typeof actual ? undefined : `${path}: ${typeof recorded} vs ${typeof actual}`;
}

/** Why an answer differs from the recorded one, or undefined when it matches. */
export function answerDiff(c: RecordedCase, status: number, body: Json, text: string, ids: IdMap): string | undefined {
  if (status !== c.response.status) return `status ${status} (recorded ${c.response.status}) ${text.slice(0, 200)}`;
  if (c.response.json === undefined) return undefined;
  if (status >= 400) {
    const m = messageDiff(c.response.json, body, ids);
    if (m) return m;
  }
  return shapeDiff(c.response.json, body, "$");
}

/** The recorded event names as a sorted set. */
export const nameSet = (names: readonly string[]): string[] => [...new Set(names)].sort();
