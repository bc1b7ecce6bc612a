import type { TaskCollection } from "../collections/task-collection.js";
import { type ConceptRecord, conceptRecordSchema } from "../schema/edit-concept-scene.js";
import { entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";

const s = conceptRecordSchema.shape;

/**
 * A concept: a piece of concept art of a project, reviewed on its tasks (task types for concepts,
 * `forEntity: "concept"`). From `project.concepts` or `task.entity()`.
 *
 * @example
 * const sketch = await project.concepts.new({ name: "Hero silhouettes" });
 * const conceptType = await project.tracker.taskTypes.get({ name: "Concept", forEntity: "concept" });
 * const task = await sketch.tasks.new({ taskType: conceptType });
 */
@entity("concept")
export class Concept extends Entity<"concept"> {
  @field(s.projectId) declare readonly projectId: ConceptRecord["projectId"];
  @field(s.description) declare description: ConceptRecord["description"];
  @field(s.canceled) declare canceled: ConceptRecord["canceled"];
  /** The concept's main preview (thumbnail). */
  @field(s.previewId) declare readonly previewId: ConceptRecord["previewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("preview", "previewId") declare preview: Related<Preview | null>;

  /** The concept's tasks; `fetch(taskType)` gets the one of a type. */
  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
}
