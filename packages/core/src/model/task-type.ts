import { type TaskTypeRecord, taskTypeRecordSchema } from "../schema/tasks.js";
import type { Department } from "./department.js";
import { Entity } from "./entity.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";

const s = taskTypeRecordSchema.shape;

/**
 * A kind of work (Animation, Layout), studio-wide; projects enable some of them. From
 * `tracker.taskTypes`, `project.taskTypes` or `task.taskType()`.
 *
 * @example
 * const anim = await tracker.taskTypes.new({ name: "Anim3D", forShots: true });
 */
@entity("taskType")
export class TaskType extends Entity<"taskType"> {
  @field(s.shortName) declare shortName: TaskTypeRecord["shortName"];
  @field(s.color) declare color: TaskTypeRecord["color"];
  @field(s.priority) declare priority: TaskTypeRecord["priority"];
  /** True: for a temporal kind (shots, sequences, episodes, edits, scenes); false: assets, concepts. */
  @field(s.forShots) declare readonly forShots: TaskTypeRecord["forShots"];
  /** The kind of entity the type's tasks hang on: `shot`, `asset`, `edit`, `concept`, ... */
  @field(s.forEntity) declare readonly forEntity: TaskTypeRecord["forEntity"];
  @field(s.departmentId) declare departmentId: TaskTypeRecord["departmentId"];
  @field(s.allowTimelog) declare allowTimelog: TaskTypeRecord["allowTimelog"];

  @relation("department", "departmentId") declare department: Related<Department | null>;
}
