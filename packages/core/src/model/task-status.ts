import { type TaskStatusRecord, taskStatusRecordSchema } from "../schema/tasks.js";
import { Entity } from "./entity.js";
import { field } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";

const s = taskStatusRecordSchema.shape;

/**
 * A task status (todo, wip, wfa, retake, done), studio-wide; projects enable some of them. From
 * `tracker.taskStatuses`, `project.taskStatuses` or `task.status()`; a comment names one by short
 * name.
 *
 * @example
 * const wfa = await tracker.taskStatuses.get({ shortName: "wfa" });
 */
@entity("taskStatus")
export class TaskStatus extends Entity<"taskStatus"> {
  @field(s.shortName) declare shortName: TaskStatusRecord["shortName"];
  @field(s.color) declare color: TaskStatusRecord["color"];
  @field(s.priority) declare priority: TaskStatusRecord["priority"];
  @field(s.isDefault) declare isDefault: TaskStatusRecord["isDefault"];
  @field(s.isDone) declare isDone: TaskStatusRecord["isDone"];
  @field(s.isRetake) declare isRetake: TaskStatusRecord["isRetake"];
  @field(s.isWip) declare isWip: TaskStatusRecord["isWip"];
  @field(s.isFeedbackRequest) declare isFeedbackRequest: TaskStatusRecord["isFeedbackRequest"];
  @field(s.isArtistAllowed) declare isArtistAllowed: TaskStatusRecord["isArtistAllowed"];
  @field(s.isClientAllowed) declare isClientAllowed: TaskStatusRecord["isClientAllowed"];
}
