import type { TaskCollection } from "../collections/task-collection.js";
import { type ShotRecord, shotRecordSchema } from "../schema/production.js";
import { CastingAccessor } from "./casting.js";
import { entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import type { Episode } from "./episode.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { Sequence } from "./sequence.js";

const s = shotRecordSchema.shape;

/**
 * A shot: its frame range, main preview, tasks, and the assets cast in it. From `project.shots` or
 * `sequence.shots` (`get`, `filter`, `iterate`, `withTasks`), or `task.entity()`.
 *
 * @example
 * const shot = await project.shots.get({ name: "sq170_sh0224" });
 * const anim = await shot.tasks.fetch("Animation");
 */
@entity("shot")
export class Shot extends Entity<"shot"> {
  @field(s.projectId) declare readonly projectId: ShotRecord["projectId"];
  @field(s.sequenceId) declare sequenceId: ShotRecord["sequenceId"];
  @field(s.episodeId) declare readonly episodeId: ShotRecord["episodeId"];
  @field(s.description) declare description: ShotRecord["description"];
  @field(s.canceled) declare canceled: ShotRecord["canceled"];
  @field(s.frameIn) declare frameIn: ShotRecord["frameIn"];
  @field(s.frameOut) declare frameOut: ShotRecord["frameOut"];
  @field(s.nbFrames) declare nbFrames: ShotRecord["nbFrames"];
  @field(s.fps) declare fps: ShotRecord["fps"];
  /** The shot's main preview (thumbnail). */
  @field(s.previewId) declare readonly previewId: ShotRecord["previewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("sequence", "sequenceId") declare sequence: Related<Sequence>;
  @relation("episode", "episodeId") declare episode: Related<Episode | null>;
  @relation("preview", "previewId") declare preview: Related<Preview | null>;

  /** The shot's tasks; `fetch(taskType)` gets the one of a type. */

  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
  /** The assets cast in the shot. */
  @lazy get casting(): CastingAccessor {
    return new CastingAccessor(this);
  }
}
