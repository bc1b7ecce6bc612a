import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { type PlaylistRecord, playlistRecordSchema } from "../schema/reviews.js";
import { Entity } from "./entity.js";
import { applyRecord, contextOf } from "./meta/entity-state.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { TaskType } from "./task-type.js";
import type { TaskEntity } from "./types.js";

const s = playlistRecordSchema.shape;

/** One entry of `playlist.add([...])`: a shot or asset, with the preview to review if not its latest. */
export interface PlaylistEntryInput {
  /**
   * The shot or asset to review: an id or the entity (a name alone does not say which kind).
   *
   * @example
   * entity: shot
   */
  entity: RefInput<TaskEntity>;
  /**
   * The revision to show.
   *
   * @default null (the entity's latest preview)
   * @example
   * preview: comment.previewIds[0]
   */
  preview?: RefInput<Preview> | null;
}

/**
 * A review playlist of a project: shots or assets, each with a chosen revision. From
 * `project.playlists` (on trackers with the `playlists` capability); `add()` and `remove()` change
 * its entries.
 *
 * @example
 * const dailies = await project.playlists.new({ name: "Dailies 2026-01-09", forEntity: "shot" });
 * await dailies.add([{ entity: shot }]);
 */
@entity("playlist")
export class Playlist extends Entity<"playlist"> {
  @field(s.projectId) declare readonly projectId: PlaylistRecord["projectId"];
  @field(s.episodeId) declare readonly episodeId: PlaylistRecord["episodeId"];
  @field(s.taskTypeId) declare taskTypeId: PlaylistRecord["taskTypeId"];
  @field(s.forClient) declare forClient: PlaylistRecord["forClient"];
  @field(s.forEntity) declare forEntity: PlaylistRecord["forEntity"];
  @field(s.entries) declare readonly entries: PlaylistRecord["entries"];

  @relation("project", "projectId") declare project: Related<Project>;
  @relation("taskType", "taskTypeId") declare taskType: Related<TaskType | null>;

  /** Adds shots or assets (with a chosen revision, or their latest). */
  async add(entries: readonly PlaylistEntryInput[]): Promise<this> {
    const context = contextOf(this);
    context.require("playlists");
    const resolved = await Promise.all(
      entries.map(async (entry) => ({
        entityId: await resolveRef(context, ["shot", "asset"], entry.entity, "playlist.add (entity)"),
        previewId:
          entry.preview === undefined || entry.preview === null
            ? null
            : await resolveRef(context, "preview", entry.preview, "playlist.add (preview)"),
      })),
    );
    applyRecord(this, await context.adapter.addPlaylistEntries(this.id, resolved));
    return this;
  }

  /** Removes shots or assets from the playlist. */
  async remove(entities: readonly RefInput<TaskEntity>[]): Promise<this> {
    const context = contextOf(this);
    context.require("playlists");
    const ids = await Promise.all(
      entities.map((e) => resolveRef(context, ["shot", "asset"], e, "playlist.remove (entity)")),
    );
    applyRecord(this, await context.adapter.removePlaylistEntries(this.id, ids));
    return this;
  }
}
