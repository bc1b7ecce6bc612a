import { AmbiguousError, ConflictError, NotFoundError, ValidationError } from "../errors.js";
import { ref } from "../ids.js";
import type { Task } from "../model/task.js";
import type { TaskType } from "../model/task-type.js";
import type { Id } from "../schema/common.js";
import { rulesOf } from "../schema/rules.js";
import { Collection } from "./collection.js";
import { fetchByName } from "./fetch.js";
import type { NewInput } from "./new-input.js";
import type { RefInput } from "./query.js";
import { knownAs, resolveRef, uuidLike } from "./resolve.js";

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
   * Creates a task on the shot or asset. A second task of a type it already has needs another name:
   * the ConflictError says which type and how to get the existing task.
   */
  override async new(input: NewInput<"task">): Promise<Task> {
    try {
      return await super.new(await this.typeForKind(input));
    } catch (error) {
      if (!(error instanceof ConflictError) || input.taskType === undefined || input.taskType === null) throw error;
      const typeId = await resolveRef(this.context, "taskType", input.taskType, "tasks.new (taskType)");
      const type = await this.context.load("taskType", typeId);
      const name = input.name ?? rulesOf(this.context.adapter).task.createDefaults.name ?? "main";
      throw ConflictError.duplicateTask(this.options.label(), type.name, name, error);
    }
  }

  /**
   * Two task types may share a name when they are for different kinds (`zou init-data` makes a
   * "Concept" for assets and one for concepts): a name then means the one for this entity's kind.
   */
  private async typeForKind(input: NewInput<"task">): Promise<NewInput<"task">> {
    const { taskType } = input;
    const entityId = this.options.scope().entityId;
    if (typeof taskType !== "string" || typeof entityId !== "string" || uuidLike.test(taskType)) return input;
    const owner = knownAs(this.context, entityId);
    if (!owner) return input;
    const named = await fetchByName(this.context, "taskType", { name: taskType });
    const fitting = named.filter((t) => t.forEntity === owner.kind);
    return named.length > 1 && fitting.length === 1 && fitting[0] ? { ...input, taskType: fitting[0] } : input;
  }

  /**
   * The task of a task type: by name or short name ("Animation", "anim"), TaskType or id.
   * NotFoundError lists the task types the entity has.
   *
   * @example
   * const task = await shot.tasks.fetch("Animation");
   */
  async fetch(taskType: RefInput<TaskType>): Promise<Task> {
    const given: unknown = taskType;
    const named = typeof given === "string" && given.trim() !== "";
    const identified =
      typeof given === "object" && given !== null && typeof (given as { id?: unknown }).id === "string";
    if (!named && !identified) {
      throw ValidationError.wrongType(
        "tasks.fetch() task type",
        given,
        "a task type's name, short name or id, or the TaskType",
        'Pass the task type, e.g. tasks.fetch("Animation")',
      );
    }
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
