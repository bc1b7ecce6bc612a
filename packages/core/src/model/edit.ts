import type { TaskCollection } from "../collections/task-collection.js";
import { type EditRecord, editRecordSchema } from "../schema/edit-concept-scene.js";
import { entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import type { Episode } from "./episode.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";

const s = editRecordSchema.shape;

/**
 * An edit: a cut of the film (or of an episode, on tvshows) whose versions are reviewed on its
 * tasks. From `project.edits`, `episode.edits` or `task.entity()`.
 *
 * @example
 * const cut = await project.edits.new({ name: "Teaser cut" });
 * const task = await cut.tasks.new({ taskType: "Edit" });
 */
@entity("edit")
export class Edit extends Entity<"edit"> {
  @field(s.projectId) declare readonly projectId: EditRecord["projectId"];
  /** The episode of the edit (tvshows); null for the whole project. */
  @field(s.episodeId) declare readonly episodeId: EditRecord["episodeId"];
  @field(s.description) declare description: EditRecord["description"];
  @field(s.canceled) declare canceled: EditRecord["canceled"];
  /** The edit's main preview (thumbnail). */
  @field(s.previewId) declare readonly previewId: EditRecord["previewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("episode", "episodeId") declare episode: Related<Episode | null>;
  @relation("preview", "previewId") declare preview: Related<Preview | null>;

  /** The edit's tasks; `fetch(taskType)` gets the one of a type. */
  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
}
