import type { Task, Tracker } from "@gadget/core";

/** Task type names and status short names by id, read once per command. */
export interface TaskLabels {
  type(task: Task): string;
  status(task: Task): string;
}

export async function taskLabels(tracker: Tracker): Promise<TaskLabels> {
  const [types, statuses] = await Promise.all([tracker.taskTypes.all(), tracker.taskStatuses.all()]);
  const typeNames = new Map(types.map((t) => [t.id as string, t.name]));
  const statusNames = new Map(statuses.map((s) => [s.id as string, s.shortName]));
  return {
    type: (task) => typeNames.get(task.taskTypeId) ?? task.taskTypeId,
    status: (task) => statusNames.get(task.statusId) ?? task.statusId,
  };
}
