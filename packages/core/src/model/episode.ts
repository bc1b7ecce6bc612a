import type { Collection } from "../collections/collection.js";
import type { TaskCollection } from "../collections/task-collection.js";
import { type EpisodeRecord, episodeRecordSchema } from "../schema/production.js";
import { children, entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Project } from "./project.js";

const s = episodeRecordSchema.shape;

/**
 * An episode of a tvshow project, holding its sequences. From `project.episodes` (on trackers with
 * the `episodes` capability) or `sequence.episode()`.
 *
 * @example
 * const ep01 = await project.episodes.get({ name: "E01" });
 * const seq = await ep01.sequences.new({ name: "sq010" });
 */
@entity("episode")
export class Episode extends Entity<"episode"> {
  @field(s.projectId) declare readonly projectId: EpisodeRecord["projectId"];
  @field(s.description) declare description: EpisodeRecord["description"];
  @field(s.canceled) declare readonly canceled: EpisodeRecord["canceled"];

  @relation("project", "projectId") declare project: Related<Project>;

  /** The episode's sequences. */

  @lazy get sequences(): Collection<"sequence"> {
    return children(this, "sequence", () => ({ episodeId: this.id }), {
      defaults: () => ({ episodeId: this.id, projectId: this.projectId }),
    });
  }
  /** The episode's edits. */
  @lazy get edits(): Collection<"edit"> {
    return children(this, "edit", () => ({ episodeId: this.id }), {
      defaults: () => ({ episodeId: this.id, projectId: this.projectId }),
    });
  }
  /** The episode's own tasks (not its shots'). */
  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
}
