import { checkTimeSpent, secondsInDay } from "../adapter/time-spent-check.js";
import type { ReadCollection } from "../collections/collection.js";
import { CommentCollection } from "../collections/comment-collection.js";
import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { type DurationInput, durationInputSchema, type IsoDate, toSeconds } from "../schema/common.js";
import { type TaskRecord, taskRecordSchema } from "../schema/tasks.js";
import { labelOf, readChildren } from "./children.js";
import { Entity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import { field, lazy, type Related, type RelatedMany, relation, relations } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Person } from "./person.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { TaskStatus } from "./task-status.js";
import type { TaskType } from "./task-type.js";
import type { TimeSpent } from "./time-spent.js";
import type { TaskEntity } from "./types.js";

const s = taskRecordSchema.shape;

/**
 * Time logging on a task. It is `task.timeSpent`; the time logged is read from `task.timeSpents`.
 *
 * @example
 * await task.timeSpent.set(artist, "2026-01-09", { hours: 3 });
 */
export class TimeSpentAccessor {
  /** @internal */
  constructor(private readonly task: Task) {}

  /** Sets the time a person spent on the task on a day, replacing what was logged. */
  set(person: RefInput<Person>, date: IsoDate, duration: DurationInput): Promise<TimeSpent> {
    return this.write("set", person, date, duration);
  }

  /** Adds to the time a person spent on the task on a day. */
  add(person: RefInput<Person>, date: IsoDate, duration: DurationInput): Promise<TimeSpent> {
    return this.write("add", person, date, duration);
  }

  private async write(
    mode: "set" | "add",
    person: RefInput<Person>,
    date: IsoDate,
    duration: DurationInput,
  ): Promise<TimeSpent> {
    const context = contextOf(this.task);
    context.require("timeTracking");
    const where = `task.timeSpent.${mode}`;
    const parsed = durationInputSchema.safeParse(duration);
    if (!parsed.success) throw ValidationError.fromZod(`${where} duration`, parsed.error);
    const seconds = toSeconds(parsed.data);
    checkTimeSpent(date, seconds);
    const personId = await resolveRef(context, "person", person, where);
    if (mode === "add") {
      // What the person logged on this task that day, plus this, must still fit in the day.
      const logged = await this.task.timeSpents.filter({ person: personId, date });
      const total = logged.reduce((sum, t) => sum + t.duration, seconds);
      if (total > secondsInDay) {
        throw ValidationError.dayOverflow(date, context.identity.peek("person", personId)?.name ?? personId, total);
      }
    }
    const record =
      mode === "set"
        ? await context.adapter.setTimeSpent(this.task.id, personId, date, seconds)
        : await context.adapter.addTimeSpent(this.task.id, personId, date, seconds);
    context.identity.markStale("task", this.task.id);
    return context.absorb("timeSpent", record);
  }
}

/**
 * One task type's work on a shot, asset, sequence or episode: its status, assignees, dates,
 * comments, previews and time spent. From `shot.tasks.fetch(taskType)`, a task collection's
 * `get`/`filter`, or `comment.task()`.
 *
 * @example
 * const task = await shot.tasks.fetch("Animation");
 * await task.comments.new({ comment: "Blocking pass", status: "wfa" });
 */
@entity("task")
export class Task extends Entity<"task"> {
  @field(s.projectId) declare readonly projectId: TaskRecord["projectId"];
  @field(s.entityId) declare readonly entityId: TaskRecord["entityId"];
  @field(s.entityKind) declare readonly entityKind: TaskRecord["entityKind"];
  @field(s.taskTypeId) declare readonly taskTypeId: TaskRecord["taskTypeId"];
  /** Changed by posting a comment (`task.comments.new({ status })`). */
  @field(s.statusId) declare readonly statusId: TaskRecord["statusId"];
  /** Changed by `assign()` / `unassign()`. */
  @field(s.assigneeIds) declare readonly assigneeIds: TaskRecord["assigneeIds"];
  @field(s.description) declare description: TaskRecord["description"];
  @field(s.priority) declare priority: TaskRecord["priority"];
  @field(s.difficulty) declare difficulty: TaskRecord["difficulty"];
  /** YYYY-MM-DD. */
  @field(s.startDate) declare startDate: TaskRecord["startDate"];
  /** YYYY-MM-DD. */
  @field(s.dueDate) declare dueDate: TaskRecord["dueDate"];
  /** Seconds. */
  @field(s.estimation) declare estimation: TaskRecord["estimation"];
  /** Seconds: the sum of the time spent. */
  @field(s.duration) declare readonly duration: TaskRecord["duration"];
  @field(s.nbRetakes) declare readonly nbRetakes: TaskRecord["nbRetakes"];
  @field(s.lastCommentAt) declare readonly lastCommentAt: TaskRecord["lastCommentAt"];
  @field(s.lastPreviewId) declare readonly lastPreviewId: TaskRecord["lastPreviewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  /** The shot, asset, sequence or episode the task is on. */
  @relation({ kindField: "entityKind" }, "entityId") declare entity: Related<TaskEntity>;
  @relation("taskType", "taskTypeId") declare taskType: Related<TaskType>;
  @relation("taskStatus", "statusId") declare status: Related<TaskStatus>;
  @relation("preview", "lastPreviewId") declare lastPreview: Related<Preview | null>;
  @relations("person", "assigneeIds") declare assignees: RelatedMany<Person>;

  /** The task's comments; `comments.new()` publishes. */
  @lazy get comments(): CommentCollection {
    return new CommentCollection(contextOf(this), this, {
      scope: () => ({ taskId: this.id }),
      label: () => labelOf(this),
      projectId: () => this.projectId,
    });
  }
  /** The task's previews, across its comments. */
  @lazy get previews(): ReadCollection<"preview"> {
    return readChildren(this, "preview", () => ({ taskId: this.id }), {
      capability: "previews",
    });
  }
  /** The time logged on the task, one record per person and day. */
  @lazy get timeSpents(): ReadCollection<"timeSpent"> {
    return readChildren(this, "timeSpent", () => ({ taskId: this.id }), {
      capability: "timeTracking",
    });
  }
  /** Sets or adds a person's time on a day: `timeSpent.set(person, "2026-01-09", { hours: 2 })`. */
  @lazy get timeSpent(): TimeSpentAccessor {
    return new TimeSpentAccessor(this);
  }

  /** Assigns a person (name, login, e-mail, id or Person). */
  async assign(person: RefInput<Person>): Promise<this> {
    const context = contextOf(this);
    const id = await resolveRef(context, "person", person, "task.assign");
    context.absorb("task", await context.adapter.assign(this.id, [id]));
    return this;
  }

  /** Takes a person off the task (by name, login, e-mail, id or Person); one who is not assigned is a NotFoundError. */
  async unassign(person: RefInput<Person>): Promise<this> {
    const context = contextOf(this);
    const id = await resolveRef(context, "person", person, "task.unassign");
    if (!this.assigneeIds.includes(id)) {
      const known = context.identity.peek("person", id);
      throw NotFoundError.notAmong(
        known ? `person "${known.name}"` : `person ${id}`,
        `assigned to ${labelOf(this)}`,
        "Check task.assignees(), and refresh() the task if its assignees changed.",
      );
    }
    context.absorb("task", await context.adapter.unassign(this.id, [id]));
    return this;
  }
}
