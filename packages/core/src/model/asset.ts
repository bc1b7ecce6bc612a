import type { TaskCollection } from "../collections/task-collection.js";
import { type AssetRecord, assetRecordSchema } from "../schema/production.js";
import type { AssetType } from "./asset-type.js";
import { type CastInEntry, CastingAccessor, castInOf } from "./casting.js";
import { entityTasks } from "./children.js";
import { Entity } from "./entity.js";
import type { Episode } from "./episode.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";

const s = assetRecordSchema.shape;

/**
 * A character, prop or set of a project, with its tasks, its own casting (a set's props) and the
 * shots it is cast in (`castIn()`). From `project.assets` or `task.entity()`; created by
 * `project.assets.new({ name, assetType })`.
 *
 * @example
 * const hero = await film.assets.new({ name: "Hero", assetType: "Character" });
 */
@entity("asset")
export class Asset extends Entity<"asset"> {
  @field(s.projectId) declare readonly projectId: AssetRecord["projectId"];
  @field(s.assetTypeId) declare assetTypeId: AssetRecord["assetTypeId"];
  @field(s.episodeId) declare readonly episodeId: AssetRecord["episodeId"];
  @field(s.description) declare description: AssetRecord["description"];
  @field(s.canceled) declare canceled: AssetRecord["canceled"];
  @field(s.previewId) declare readonly previewId: AssetRecord["previewId"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("assetType", "assetTypeId") declare assetType: Related<AssetType>;
  @relation("episode", "episodeId") declare episode: Related<Episode | null>;
  @relation("preview", "previewId") declare preview: Related<Preview | null>;

  /** The asset's tasks; `fetch(taskType)` gets the one of a type. */

  @lazy get tasks(): TaskCollection {
    return entityTasks(this);
  }
  /** The assets cast in this asset (a set's props). */
  @lazy get casting(): CastingAccessor {
    return new CastingAccessor(this);
  }

  /** Where this asset is cast: the shots (and assets) using it. */
  castIn(): Promise<CastInEntry[]> {
    return castInOf(this);
  }
}
