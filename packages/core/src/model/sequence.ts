import type { Collection } from "../collections/collection.js";
import type { TaskCollection } from "../collections/task-collection.js";
import { type SequenceRecord, sequenceRecordSchema } from "../schema/production.js";
import { children, entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import type { Episode } from "./episode.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Project } from "./project.js";

const s = sequenceRecordSchema.shape;

/**
 * A sequence of shots in a project (in an episode, on tvshows). From `project.sequences` or
 * `shot.sequence()`; its `shots.new()` creates shots in it.
 *
 * @example
 * const seq = await project.sequences.new({ name: "sq180" });
 * const sh = await seq.shots.new({ name: "sh0010", frameIn: 101, frameOut: 200 });
 */
@entity("sequence")
export class Sequence extends Entity<"sequence"> {
  @field(s.projectId) declare readonly projectId: SequenceRecord["projectId"];
  /** Set on tvshow projects only. */
  @field(s.episodeId) declare readonly episodeId: SequenceRecord["episodeId"];
  @field(s.description) declare description: SequenceRecord["description"];
  @field(s.canceled) declare readonly canceled: SequenceRecord["canceled"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("episode", "episodeId") declare episode: Related<Episode | null>;

  /** The sequence's shots. */

  @lazy get shots(): Collection<"shot"> {
    return children(this, "shot", () => ({ sequenceId: this.id }), {
      defaults: () => ({ sequenceId: this.id, projectId: this.projectId }),
    });
  }
  /** The sequence's scenes. */
  @lazy get scenes(): Collection<"scene"> {
    return children(this, "scene", () => ({ sequenceId: this.id }), {
      defaults: () => ({ sequenceId: this.id, projectId: this.projectId }),
    });
  }
  /** The sequence's own tasks (not its shots'). */
  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
}
