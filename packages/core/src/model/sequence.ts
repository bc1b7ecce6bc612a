import type { Collection } from "../collections/collection.js";
import { TaskCollection } from "../collections/task-collection.js";
import { type SequenceRecord, sequenceRecordSchema } from "../schema/production.js";
import { children, labelOf } from "./children.js";
import { Entity } from "./entity.js";
import { contextOf } from "./entity-state.js";
import type { Episode } from "./episode.js";
import { field, type Related, relation } from "./metadata.js";
import type { Project } from "./project.js";

const s = sequenceRecordSchema.shape;

export class Sequence extends Entity<"sequence"> {
  @field(s.projectId) declare readonly projectId: SequenceRecord["projectId"];
  /** Set on tvshow projects only. */
  @field(s.episodeId) declare readonly episodeId: SequenceRecord["episodeId"];
  @field(s.description) declare description: SequenceRecord["description"];
  @field(s.canceled) declare readonly canceled: SequenceRecord["canceled"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("episode", "episodeId") declare episode: Related<Episode | null>;

  readonly shots: Collection<"shot"> = children(this, "shot", () => ({ sequenceId: this.id }), {
    defaults: () => ({ sequenceId: this.id, projectId: this.projectId }),
  });
  readonly tasks: TaskCollection = new TaskCollection(contextOf(this), "task", {
    scope: () => ({ entityId: this.id }),
    defaults: () => ({ entityId: this.id }),
    label: () => labelOf(this),
    projectId: () => this.projectId,
  });
}
