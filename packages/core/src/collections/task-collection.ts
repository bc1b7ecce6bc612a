import { AmbiguousError, NotFoundError } from "../errors.js";
import { ref } from "../ids.js";
import type { Task } from "../model/task.js";
import type { TaskType } from "../model/task-type.js";
import type { Id } from "../schema/common.js";
import { Collection } from "./collection.js";
import type { RefInput } from "./query.js";

/**
 * A shot's, asset's, sequence's or episode's tasks, with `fetch(taskType)`: `shot.tasks`,
 * `asset.tasks`. Tasks of shots loaded `withTasks()` are answered without a request.
 *
 * @example
 * const task = await shot.tasks.fetch("Animation");
 */
export class TaskCollection extends Collection<"task", Task> {
  /** Every task of the shot or asset; none is requested when it was loaded `withTasks()`. */
  override async all(): Promise<Task[]> {
    const entityId = this.options.scope().entityId as Id | undefined;
    const preloaded = entityId === undefined ? undefined : this.context.preloadedTasks(entityId);
    return preloaded ? [...preloaded] : super.all();
  }

  /**
   * The task of a task type: by name or short name ("Animation", "anim"), TaskType or id.
   * NotFoundError lists the task types the entity has.
   *
   * @example
   * const task = await shot.tasks.fetch("Animation");
   */
  async fetch(taskType: RefInput<TaskType>): Promise<Task> {
    const tasks = await this.all();
    const typeIds = [...new Set(tasks.map((t) => t.taskTypeId))];
    const types = await this.context.loadMany("taskType", typeIds);
    let wanted: Id[];
    let asked: string;
    if (typeof taskType === "string") {
      asked = taskType;
      const exact = types.filter((t) => t.id === taskType || t.name === taskType || t.shortName === taskType);
      const lower = taskType.toLowerCase();
      const loose = types.filter((t) => t.name.toLowerCase() === lower || t.shortName?.toLowerCase() === lower);
      wanted = (exact.length > 0 ? exact : loose).map((t) => t.id);
    } else {
      const id = ref(taskType, "taskType", "tasks.fetch()");
      asked = types.find((t) => t.id === id)?.name ?? id;
      wanted = [id];
    }
    const found = tasks.filter((t) => wanted.includes(t.taskTypeId));
    const [only] = found;
    if (found.length === 1 && only) return only;
    const label = this.options.label();
    if (found.length === 0) {
      throw NotFoundError.taskOfType(
        asked,
        label,
        types.map((t) => t.name),
      );
    }
    throw AmbiguousError.query(
      "task",
      { taskType: asked },
      label,
      found.map((t) => t.id),
    );
  }
}
