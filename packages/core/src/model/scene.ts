import type { TaskCollection } from "../collections/task-collection.js";
import { type SceneRecord, sceneRecordSchema } from "../schema/edit-concept-scene.js";
import { entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { Sequence } from "./sequence.js";

const s = sceneRecordSchema.shape;

/**
 * A scene of a sequence: the layout scene its shots are cut from, with tasks of its own. From
 * `sequence.scenes`, `project.scenes` or `task.entity()`. Removing a scene that has tasks cancels
 * it, forced or not, as Kitsu does.
 *
 * @example
 * const seq = await project.sequences.get({ name: "sq010" });
 * const scene = await seq.scenes.new({ name: "sc010" });
 */
@entity("scene")
export class Scene extends Entity<"scene"> {
  @field(s.projectId) declare readonly projectId: SceneRecord["projectId"];
  @field(s.sequenceId) declare readonly sequenceId: SceneRecord["sequenceId"];
  @field(s.description) declare description: SceneRecord["description"];
  @field(s.canceled) declare canceled: SceneRecord["canceled"];
  /** The scene's main preview (thumbnail). */
  @field(s.previewId) declare readonly previewId: SceneRecord["previewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("sequence", "sequenceId") declare sequence: Related<Sequence>;
  @relation("preview", "previewId") declare preview: Related<Preview | null>;

  /** The scene's tasks; `fetch(taskType)` gets the one of a type. */
  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
}
