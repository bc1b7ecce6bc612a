import type { Id, PartialRecord, RecordOf, Where, WithTasks } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { SearchParams } from "../transport/request-spec.js";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { matches } from "./record-match.js";
import { checkWhere } from "./validate.js";

/** Model fields read from a column that `with-tasks` rows do not always carry. */
const optionalColumns = {
  createdAt: "created_at",
  updatedAt: "updated_at",
  name: "name",
  description: "description",
} as const;
const optionalFields = Object.entries(optionalColumns);

/**
 * The record without the fields whose column the row lacked: the codec's fallbacks (a task named
 * "main", an epoch timestamp) would be inventions here, and core marks absent fields not loaded.
 */
function leaveOutAbsent<R extends { id: Id }>(record: R, row: Record<string, unknown>): PartialRecord<R> {
  const absent = new Set<string>();
  for (const [field, column] of optionalFields) if (!Object.hasOwn(row, column)) absent.add(field);
  if (absent.size === 0) return record;
  // Built key by key rather than copied and `delete`d: a delete turns every record of a big answer
  // into a slow dictionary-mode object, which each later read and update paid for.
  const out: Record<string, unknown> = {};
  for (const key in record) if (!absent.has(key)) out[key] = record[key];
  return out as PartialRecord<R>;
}

/**
 * Shots (or assets) with all their tasks in ONE request whatever their number:
 * `GET data/shots/with-tasks?project_id=` (zou.md §2.4, recorded 160, 163). Zou filters on the
 * project, episode and id; the other keys are checked here on the decoded records.
 */
export async function queryWithTasks<K extends "shot" | "asset">(
  ctx: OpsContext,
  kind: K,
  where: Where<K>,
): Promise<WithTasks<RecordOf<K>>> {
  checkWhere(ctx.rules, kind, where);
  const w = where as Record<string, unknown>;
  const searchParams: SearchParams = {};
  if (typeof w.projectId === "string") searchParams.project_id = w.projectId;
  if (typeof w.episodeId === "string") searchParams.episode_id = w.episodeId;
  if (typeof w.id === "string") searchParams.id = w.id;
  kindSpecs[kind].prepare?.(ctx.ref);
  kindSpecs.task.prepare?.(ctx.ref);
  const answer = await ctx.client.request<KitsuRow[]>({
    method: "GET",
    path: path(kind === "shot" ? routes.shotsWithTasks : routes.assetsWithTasks, {}),
    searchParams,
  });
  // Zou's asset rows carry no project_id (the one asked for) and name their type `asset_type_id`
  // where the asset decoder reads `entity_type_id` (recorded 163).
  // The answer's rows are this call's own: completed in place, not copied (a spread plus new keys
  // cost more than the decoding of a 5,000-shot answer).
  const rows: KitsuRow[] = answer;
  for (const row of rows) {
    row.project_id ??= searchParams.project_id;
    row.entity_type_id ??= row.asset_type_id;
  }
  const decoded = (await kindSpecs[kind].decode(rows, ctx.ref)).filter((r) => matches(r, where)) as RecordOf<K>[];
  const records = decoded.map((r) => leaveOutAbsent(r, r.raw));
  const kept = new Set<Id>(decoded.map((r) => r.id));
  // Embedded task rows leave out the project (it is the entity's): put it back before decoding.
  const taskRows = rows
    .filter((row) => kept.has(row.id as Id))
    .flatMap((row) =>
      (Array.isArray(row.tasks) ? (row.tasks as KitsuRow[]) : []).map((t) => {
        t.project_id ??= row.project_id;
        t.entity_id ??= row.id;
        return t;
      }),
    );
  const tasks = (await kindSpecs.task.decode(taskRows, ctx.ref)).map((t) => leaveOutAbsent(t, t.raw));
  return { records, tasks };
}
