import { fetchAll } from "../collections/fetch.js";
import type { RefInput } from "../collections/query.js";
import { matchStatus } from "../collections/resolve.js";
import { ValidationError } from "../errors.js";
import { type IdLike, ref } from "../ids.js";
import type { Project } from "../model/project.js";
import type { TaskStatus } from "../model/task-status.js";
import type { SessionContext } from "../session/session-context.js";

/** The statuses a comment may use on a project: those it enables, or all when it enables none. */
export async function statusesOf(context: SessionContext, project: Project): Promise<TaskStatus[]> {
  const enabled = project.taskStatusIds;
  return enabled.length > 0 ? context.loadMany("taskStatus", enabled) : fetchAll(context, "taskStatus", {});
}

/**
 * A comment's status: a short name ("wfa"), a name ("Waiting For Approval"), a TaskStatus or an
 * id, among the statuses of the task's project. Anything else lists the valid short names.
 */
export async function resolveStatus(
  context: SessionContext,
  project: Project,
  value: RefInput<TaskStatus>,
): Promise<TaskStatus> {
  const statuses = await statusesOf(context, project);
  const scope = `project "${project.name}"`;
  let found: TaskStatus[];
  if (typeof value === "string") {
    found = statuses.filter((s) => s.id === value);
    if (found.length === 0) found = matchStatus(statuses, value);
  } else {
    const id = ref(value as IdLike, "taskStatus", "comments.new({ status })");
    found = statuses.filter((s) => s.id === id);
  }
  const [only] = found;
  if (found.length === 1 && only) return only;
  const shown = typeof value === "string" ? value : ((value as { name?: string; id: string }).name ?? value.id);
  throw ValidationError.unknownStatus(
    shown,
    scope,
    statuses.map((s) => s.shortName),
  );
}
