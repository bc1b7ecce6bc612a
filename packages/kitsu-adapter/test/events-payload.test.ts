import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ValidationError } from "@gadget/core";
import { recordedDir } from "@gadget/test-support/shared-data";
import { describe, expect, it } from "vitest";
import {
  encodeEventCursor,
  eventSignature,
  fromHistoryRow,
  fromSocketEvent,
  isZouEventRow,
  resumePoint,
  type ZouEventRow,
} from "../src/events/index.js";

const P = "d6282d02-4256-4c26-a15f-e90390093f14";
const T = "85b3cbaa-653e-4676-9e27-9a8c6b80ded1";
const C = "6bb309ee-da13-4b6d-b8db-8d7aa7d58a43";
const PF = "da1ba1ec-5d4e-4865-b378-b84a3af7195e";
const SH = "cb5f3eaf-7ca7-416c-b416-bbeff8ad8516";
const A = "9b53ec38-d284-41eb-878a-9f58b199a79f";
const PERSON = "89e24901-1464-4d98-9320-70069589c274";

// Payloads as recorded from Zou 1.0.67 (recorded/ case in the first column), one per shape of zou.md §6.
const table: [string, string, Record<string, unknown>, { id: string; projectId: string | null; data: object }][] = [
  ["021", "person:new", { person_id: PERSON }, { id: PERSON, projectId: null, data: { personId: PERSON } }],
  ["047", "project:new", { project_id: P }, { id: P, projectId: P, data: { projectId: P } }],
  ["057", "project:update", { project_id: P }, { id: P, projectId: P, data: { projectId: P } }],
  [
    "078",
    "asset:new",
    { asset_id: A, asset_type: "f90bc03b-d420-43d2-8fee-c662bbc59199", project_id: P },
    { id: A, projectId: P, data: { assetId: A, assetType: "f90bc03b-d420-43d2-8fee-c662bbc59199" } },
  ],
  [
    "103",
    "shot:new",
    { shot_id: SH, episode_id: null, project_id: P },
    { id: SH, projectId: P, data: { shotId: SH, episodeId: null } },
  ],
  ["129", "task:new", { task_id: T, project_id: P }, { id: T, projectId: P, data: { taskId: T } }],
  [
    "144",
    "task:assign",
    { task_id: T, person_id: PERSON, project_id: P },
    { id: T, projectId: P, data: { taskId: T, personId: PERSON } },
  ],
  [
    "166",
    "task:delete",
    { task_id: T, entity_id: SH, task_type_id: "88a19298-c799-4522-b221-d5ec6f3e8598", project_id: P },
    { id: T, projectId: P, data: { taskId: T, entityId: SH, taskTypeId: "88a19298-c799-4522-b221-d5ec6f3e8598" } },
  ],
  [
    "176",
    "task:status-changed",
    { task_id: T, new_task_status_id: "s-new", previous_task_status_id: "s-old", person_id: PERSON, project_id: P },
    {
      id: T,
      projectId: P,
      data: { taskId: T, newTaskStatusId: "s-new", previousTaskStatusId: "s-old", personId: PERSON },
    },
  ],
  [
    "176",
    "comment:new",
    { comment_id: C, task_id: T, task_status_id: "s-new", project_id: P },
    { id: C, projectId: P, data: { commentId: C, taskId: T, taskStatusId: "s-new" } },
  ],
  [
    "187",
    "task:to-review",
    {
      task_id: T,
      new_task_status_id: "s-wfa",
      previous_task_status_id: "s-new",
      person_id: PERSON,
      comment_id: C,
      project_id: P,
    },
    {
      id: T,
      projectId: P,
      data: { taskId: T, newTaskStatusId: "s-wfa", previousTaskStatusId: "s-new", personId: PERSON, commentId: C },
    },
  ],
  [
    "189",
    "preview-file:new",
    { preview_file_id: PF, comment_id: C, project_id: P },
    { id: PF, projectId: P, data: { previewFileId: PF, commentId: C } },
  ],
  [
    "190",
    "preview-file:add-file",
    { comment_id: C, task_id: T, preview_file_id: PF, revision: 1, extension: "png", status: "ready", project_id: P },
    {
      id: PF,
      projectId: P,
      data: { commentId: C, taskId: T, previewFileId: PF, revision: 1, extension: "png", status: "ready" },
    },
  ],
  [
    "194",
    "preview-file:set-main",
    { entity_id: SH, preview_file_id: PF, project_id: P },
    { id: PF, projectId: P, data: { entityId: SH, previewFileId: PF } },
  ],
  [
    "220",
    "shot:casting-update",
    { shot_id: SH, nb_entities_out: 2, added_asset_ids: [A], removed_asset_ids: [], project_id: P },
    { id: SH, projectId: P, data: { shotId: SH, nbEntitiesOut: 2, addedAssetIds: [A], removedAssetIds: [] } },
  ],
  [
    "220",
    "entity-link:new",
    { entity_link_id: "el", entity_in_id: SH, entity_out_id: A, nb_occurences: 1, project_id: P },
    { id: "el", projectId: P, data: { entityLinkId: "el", entityInId: SH, entityOutId: A, nbOccurences: 1 } },
  ],
  [
    "232",
    "playlist:add_entity",
    { playlist_id: "pl", entity_id: SH, preview_file_id: PF, project_id: P },
    { id: "pl", projectId: P, data: { playlistId: "pl", entityId: SH, previewFileId: PF } },
  ],
  [
    "168",
    "time-spent:new",
    { time_spent_id: "ts", project_id: P },
    { id: "ts", projectId: P, data: { timeSpentId: "ts" } },
  ],
  [
    "144",
    "notification:new",
    { notification_id: "n", person_id: PERSON, project_id: P },
    { id: "n", projectId: P, data: { notificationId: "n", personId: PERSON } },
  ],
];

describe("Zou event payload → EventRecord", () => {
  it.each(table)("%s %s", (_case, name, payload, expected) => {
    const at = new Date("2026-11-29T16:04:11Z");
    const [kind, action] = name.split(":");
    expect(fromSocketEvent(name, payload, at)).toEqual({ name, kind, action, at, cursor: null, ...expected });
  });

  it("falls back to the most specific id when the payload has no <kind>_id", () => {
    expect(fromSocketEvent("comment:acknowledge", { comment_id: C, person_id: PERSON }).id).toBe(C);
    expect(fromSocketEvent("notification:all-read", { person_id: PERSON }).id).toBe(PERSON);
    expect(fromSocketEvent("project:update", {}).id).toBe("");
  });

  it("maps a payload that is not an object to empty data", () => {
    const event = fromSocketEvent("shot:update", "garbage");
    expect(event.data).toEqual({});
    expect(event.projectId).toBeNull();
  });

  it("reads a history row: created_at as UTC, a cursor, the row's project when data lacks it", () => {
    const row: ZouEventRow = {
      id: "7b97e8fb-c69a-46dd-8ebd-807b1041ab86",
      created_at: "2026-11-29T16:04:11",
      name: "task:update",
      user_id: PERSON,
      project_id: P,
      data: { task_id: T },
    };
    const event = fromHistoryRow(row);
    expect(event.at.toISOString()).toBe("2026-11-29T16:04:11.000Z");
    expect(event.cursor).toBe(encodeEventCursor(row.created_at, row.id));
    expect(event.projectId).toBe(P);
    expect(event.data).toEqual({ taskId: T });
  });

  it("rejects history rows without id, name or a readable created_at", () => {
    expect(isZouEventRow({ id: "x", created_at: "2026-11-29T16:04:11", name: "a:b", data: {} })).toBe(true);
    expect(isZouEventRow({ id: "x", created_at: "yesterday", name: "a:b" })).toBe(false);
    expect(isZouEventRow({ created_at: "2026-11-29T16:04:11", name: "a:b" })).toBe(false);
    expect(isZouEventRow({ id: "x", created_at: "2026-11-29T16:04:11", name: "a:b", data: [] })).toBe(false);
  });
});

describe("resume points", () => {
  it("starts one second early and drops up to the cursor's event", () => {
    expect(resumePoint("2026-11-29T16:04:11@abc")).toEqual({
      after: "2026-11-29T16:04:10",
      fromSecond: Date.parse("2026-11-29T16:04:11Z"),
      afterEventId: "abc",
    });
  });

  it("reads Dates and ISO timestamps, naive ones as UTC", () => {
    expect(resumePoint(new Date("2026-11-29T16:04:11.700Z")).after).toBe("2026-11-29T16:04:10");
    expect(resumePoint("2026-11-29T16:04:11").after).toBe("2026-11-29T16:04:10");
    expect(resumePoint("2026-11-29T17:04:11+01:00").after).toBe("2026-11-29T16:04:10");
    expect(resumePoint("2026-11-29").after).toBe("2026-11-28T23:59:59");
  });

  it("refuses anything else with a ValidationError naming the input", () => {
    expect(() => resumePoint("last tuesday")).toThrow(ValidationError);
    expect(() => resumePoint("last tuesday")).toThrow(/"last tuesday" is neither an event cursor nor a timestamp/);
    expect(() => resumePoint(new Date(Number.NaN))).toThrow(ValidationError);
  });
});

// The recordings: every persisted row of 252 must match, once mapped, a live socket event of the run.
// This is what lets a reconnecting stream tell a replayed event from one it already delivered.
describe("recorded history rows match their live copies", () => {
  const dir = recordedDir;
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;

  it("maps each row of recorded/252 to the signature of a recorded socket event", () => {
    const live = new Map<string, number>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const events = (read(file).events ?? []) as { name: string; data: unknown }[];
      for (const e of events) {
        const key = eventSignature(fromSocketEvent(e.name, e.data));
        live.set(key, (live.get(key) ?? 0) + 1);
      }
    }
    const [file] = readdirSync(dir).filter((f) => f.startsWith("252-"));
    const rows = (read(file ?? "") as { response: { json: unknown[] } }).response.json;
    expect(rows.length).toBeGreaterThan(50);
    const unmatched = rows
      .filter(isZouEventRow)
      .map(fromHistoryRow)
      .filter((event) => !live.has(eventSignature(event)));
    expect(unmatched.map((e) => e.name)).toEqual([]);
  });
});
