import type { CastingLink, Id, Kind } from "@gadget/core/adapter";
import { asId, castingLinkSchema, kindNames, kinds, ValidationError } from "@gadget/core/adapter";
import type { MockTrackerOptions } from "./options.js";
import type { Resume } from "./studio/from-options.js";
import type { Studio } from "./studio/studio.js";
import type { BaseRow } from "./studio/table.js";

/** The `format` of a studio snapshot, checked when one is read. */
export const SNAPSHOT_FORMAT = "gadget-mock-studio";

/** A whole studio as JSON: what `tracker.snapshot()` writes and `MockTracker.fromSnapshot()` reads. */
export interface StudioSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** Records per kind in creation order; dates as ISO strings. */
  records: Partial<Record<Kind, Record<string, unknown>[]>>;
  /** Bytes of previews and attachments, keyed by the record id. */
  files: { id: string; fileName: string; contentType: string | null; base64: string }[];
  casting: { entityId: string; links: CastingLink[] }[];
  /** Rank of the last event, so cursors keep growing after a restore. */
  eventCursor: number;
  /** Seeded id generator to resume (seed and how many ids it gave), or null for random ids. */
  ids: { seed: number; state: number } | null;
  /** The person the session acts as (absent in snapshots written before it was kept: none). */
  sessionPersonId?: string | null;
}

const dateKeys = ["createdAt", "updatedAt", "lastCommentAt"];

export function writeSnapshot(studio: Studio): StudioSnapshot {
  const records: StudioSnapshot["records"] = {};
  for (const kind of kindNames) {
    const rows = [...studio.table(kind).values()];
    if (rows.length > 0) records[kind] = JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[];
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    records,
    files: [...studio.files].map(([id, f]) => ({
      id,
      fileName: f.fileName,
      contentType: f.contentType ?? null,
      base64: f.bytes.toString("base64"),
    })),
    casting: [...studio.casting].map(([entityId, links]) => ({ entityId, links: links.map((l) => ({ ...l })) })),
    eventCursor: studio.events.lastSeq,
    ids: studio.ids.seeded,
    sessionPersonId: studio.sessionPersonId,
  };
}

const problem = (path: PropertyKey[], message: string) =>
  new ValidationError(`Invalid studio snapshot: ${path.join(".") || "(root)"}: ${message}.`, [{ path, message }]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A checked snapshot: its rows ready to insert, and the envelope they came in. */
export interface SnapshotContent {
  rows: { kind: Kind; row: BaseRow }[];
  snapshot: StudioSnapshot;
}

/** Reads `tracker.snapshot()` output, as an object or its JSON text. */
export function parseSnapshot(json: StudioSnapshot | string): SnapshotContent {
  if (typeof json !== "string") return readSnapshot(json);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`Invalid studio snapshot: not JSON (${reason}).`, [{ path: [], message: "not JSON" }]);
  }
  return readSnapshot(value);
}

/** Checks the envelope by hand and every record with core's zod record schema; the first problem wins. */
function readSnapshot(json: unknown): SnapshotContent {
  if (!isObject(json)) throw problem([], "expected an object written by tracker.snapshot()");
  if (json.format !== SNAPSHOT_FORMAT) throw problem(["format"], `expected "${SNAPSHOT_FORMAT}"`);
  if (json.version !== 1) throw problem(["version"], "expected 1");
  if (!isObject(json.records)) throw problem(["records"], "expected an object of record lists by kind");
  if (!Array.isArray(json.files)) throw problem(["files"], "expected an array");
  if (!Array.isArray(json.casting)) throw problem(["casting"], "expected an array");
  if (typeof json.eventCursor !== "number" || !Number.isInteger(json.eventCursor) || json.eventCursor < 0) {
    throw problem(["eventCursor"], "expected a non-negative integer");
  }
  const ids = json.ids;
  if (ids !== null && !(isObject(ids) && Number.isInteger(ids.seed) && Number.isInteger(ids.state))) {
    throw problem(["ids"], "expected null or { seed, state } integers");
  }
  const session = json.sessionPersonId;
  if (session !== undefined && session !== null && typeof session !== "string") {
    throw problem(["sessionPersonId"], "expected a person id or null");
  }
  const rows: { kind: Kind; row: BaseRow }[] = [];
  for (const [kind, list] of Object.entries(json.records)) {
    if (!(kindNames as string[]).includes(kind)) throw problem(["records", kind], "not a record kind");
    if (!Array.isArray(list)) throw problem(["records", kind], "expected an array");
    const k = kind as Kind;
    for (const [i, value] of list.entries()) {
      if (!isObject(value)) throw problem(["records", kind, i], "expected an object");
      const revived: Record<string, unknown> = { ...value, raw: {} };
      for (const key of dateKeys) if (typeof revived[key] === "string") revived[key] = new Date(String(revived[key]));
      // Snapshots written before task types had `forEntity` say `forShots` only: the same kinds it meant.
      if (k === "taskType" && revived.forEntity === undefined && typeof revived.forShots === "boolean") {
        revived.forEntity = revived.forShots ? "shot" : "asset";
      }
      // Snapshots written before projects had `mainPreviewAutomated`: Kitsu's default, off.
      if (k === "project" && revived.mainPreviewAutomated === undefined) revived.mainPreviewAutomated = false;
      const parsed = kinds[k].record.safeParse(revived);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw problem(["records", kind, i, ...(issue?.path ?? [])], issue?.message ?? "invalid record");
      }
      const { raw: _raw, ...row } = parsed.data as Record<string, unknown>;
      rows.push({ kind: k, row: row as unknown as BaseRow });
    }
  }
  for (const [i, f] of json.files.entries()) {
    if (!isObject(f) || typeof f.id !== "string" || typeof f.fileName !== "string" || typeof f.base64 !== "string") {
      throw problem(["files", i], "expected { id, fileName, contentType, base64 }");
    }
  }
  for (const [i, c] of json.casting.entries()) {
    if (!isObject(c) || typeof c.entityId !== "string" || !Array.isArray(c.links)) {
      throw problem(["casting", i], "expected { entityId, links }");
    }
    for (const [j, link] of c.links.entries()) {
      const parsed = castingLinkSchema.safeParse(link);
      if (!parsed.success) throw problem(["casting", i, "links", j], parsed.error.issues[0]?.message ?? "invalid link");
    }
  }
  return { rows, snapshot: json as unknown as StudioSnapshot };
}

/** Loads parsed snapshot content into an empty studio. */
export function loadSnapshot(studio: Studio, content: SnapshotContent): void {
  studio.checkIds = true;
  for (const { kind, row } of content.rows) studio.insertChecked(kind, row);
  const session = content.snapshot.sessionPersonId;
  studio.sessionPersonId = session ? asId(session) : null;
  for (const f of content.snapshot.files) {
    studio.files.set(asId(f.id), {
      fileName: f.fileName,
      contentType: f.contentType ?? undefined,
      bytes: Buffer.from(f.base64, "base64"),
    });
  }
  for (const { entityId, links } of content.snapshot.casting) {
    const id = asId(entityId);
    studio.casting.set(
      id,
      links.map((l) => ({ ...l })),
    );
    for (const link of links) {
      const set = studio.castIn.get(link.assetId) ?? new Set<Id>();
      set.add(id);
      studio.castIn.set(link.assetId, set);
    }
  }
}

/**
 * The options and resume point of a tracker restored from a snapshot: a seeded snapshot goes on
 * with its id sequence, unless the caller gives a seed of their own (which starts afresh).
 */
export function restoreOptions(
  content: SnapshotContent,
  options: MockTrackerOptions,
): { options: MockTrackerOptions; resume: Resume } {
  const { ids, eventCursor } = content.snapshot;
  const seed = options.seed ?? ids?.seed;
  return {
    options: { ...options, ...(seed === undefined ? {} : { seed }) },
    resume: { eventSeq: eventCursor, idState: options.seed === undefined ? (ids?.state ?? 0) : 0 },
  };
}
