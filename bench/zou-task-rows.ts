/**
 * Zou task rows as `GET /data/tasks?relations=true` answers them (recorded 137), made up on the fly:
 * the decode and memory workloads need many rows without a tracker holding them.
 */

/** A stable made-up UUID for `n` within `space` (a task, a shot, ...). */
export function fakeUuid(space: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${space.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
}

/** The project whose task list bench/paged-tasks-server.ts makes up, `count` rows long. */
export const tasksProjectName = (count: number): string => `Tasks ${count}`;

/** The project, task types and status the rows point to. */
export interface RowOwners {
  projectId: string;
  taskTypeIds: readonly [string, string, string];
  taskStatusId: string;
}

const madeUp: RowOwners = {
  projectId: fakeUuid(1, 1),
  taskTypeIds: [fakeUuid(2, 1), fakeUuid(2, 2), fakeUuid(2, 3)],
  taskStatusId: fakeUuid(3, 1),
};
const personId = fakeUuid(4, 1);

const day = (n: number) => `2026-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`;

/** Task row `n` (0-based), three task types per shot. */
export function zouTaskRow(n: number, owners: RowOwners = madeUp): Record<string, unknown> {
  const shot = Math.floor(n / 3);
  const started = n % 4 === 0;
  return {
    name: "main",
    description: n % 5 === 0 ? `Task ${n} notes` : null,
    priority: n % 3,
    difficulty: 3,
    duration: started ? 120 : 0,
    estimation: 480,
    completion_rate: 0,
    retake_count: n % 7 === 0 ? 1 : 0,
    sort_order: 0,
    start_date: started ? `${day(n)}T00:00:00` : null,
    due_date: started ? `${day(n + 9)}T00:00:00` : null,
    real_start_date: null,
    end_date: null,
    done_date: null,
    last_comment_date: started ? `${day(n)}T10:12:31` : null,
    nb_assets_ready: 0,
    data: n % 10 === 0 ? { bench: n } : null,
    nb_drawings: 0,
    shotgun_id: null,
    last_preview_file_id: null,
    project_id: owners.projectId,
    task_type_id: owners.taskTypeIds[n % 3],
    task_status_id: owners.taskStatusId,
    entity_id: fakeUuid(5, shot),
    assigner_id: personId,
    id: fakeUuid(6, n),
    created_at: "2026-11-29T16:01:34",
    updated_at: "2026-11-29T16:01:40",
    type: "Task",
    project_name: "Gadget Bench",
    task_type_name: ["Layout", "Animation", "Lighting"][n % 3],
    task_status_name: "Todo",
    entity_type_name: "Shot",
    entity_name: `SH${String(shot).padStart(5, "0")}`,
    assignees: started ? [personId] : [],
  };
}

/** Rows `from` .. `from + count - 1`. */
export function zouTaskRows(from: number, count: number, owners?: RowOwners): Record<string, unknown>[] {
  const rows = [];
  for (let n = from; n < from + count; n++) rows.push(zouTaskRow(n, owners));
  return rows;
}

/** Rows `from` .. `from + count - 1`, as the JSON text a server sends. */
export function zouTaskPage(from: number, count: number): string {
  return JSON.stringify(zouTaskRows(from, count));
}
