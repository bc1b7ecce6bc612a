import { z } from "zod";
import type { RefInput } from "../collections/query.js";
import { checkSameProject, knownAs, loadReference, resolveRef } from "../collections/resolve.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { eachItem, parseObject, requireList } from "../input-shape.js";
import { type PlaylistRecord, playlistRecordSchema } from "../schema/reviews.js";
import type { SessionContext } from "../session/session-context.js";
import { type AnyEntity, Entity } from "./entity.js";
import { applyRecord, contextOf } from "./meta/entity-state.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { TaskType } from "./task-type.js";
import type { TaskEntity } from "./types.js";

const s = playlistRecordSchema.shape;

/** The kinds a playlist entry may be (those Zou's playlists take). */
const playableKinds = ["shot", "asset", "sequence", "edit", "episode"] as const;

/** One entry of `playlist.add([...])`: an entity of the playlist's kind, with the preview to review if not its latest. */
export interface PlaylistEntryInput {
  /**
   * The shot, asset, sequence, edit or episode to review (the playlist's `forEntity`): an id or the
   * entity (a name alone does not say which kind).
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
 * A review playlist of a project: shots, assets, sequences, edits or episodes (its `forEntity`;
 * Kitsu plays no concept or scene), each with a chosen revision. From
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

  /**
   * Adds entities of the playlist's kind (with a chosen revision, or their latest); an entity already in the
   * playlist (or given twice) keeps the last revision given. Every entry is checked first: the
   * entity exists, is of the playlist's project and kind (`forEntity`), and a chosen preview is one
   * of its own.
   */
  async add(entries: readonly PlaylistEntryInput[]): Promise<this> {
    const context = contextOf(this);
    context.require("playlists");
    const where = "playlist.add";
    requireList(entries, where, "[{ entity: shot }]");
    const resolved = await eachItem(entries, where, async (entry) => {
      const given = parseObject(playlistEntrySchema, entry, "A playlist entry", "{ entity: shot }");
      const entity = await this.entityOf(given.entity as RefInput<TaskEntity>, `${where} (entity)`);
      if (entity.kind !== this.forEntity) {
        throw ValidationError.playlistFor(this.name, this.forEntity, entity.kind, entity.name);
      }
      const preview = given.preview ?? null;
      if (preview === null) return { entityId: entity.id, previewId: null };
      const previewId = await resolveRef(context, "preview", preview as RefInput<Preview>, `${where} (preview)`);
      const { taskId } = (await loadReference(context, ["preview"], previewId, `${where} (preview)`)) as Preview;
      if ((await context.load("task", taskId)).entityId !== entity.id) {
        throw NotFoundError.notAmong(
          `Preview ${previewId}`,
          `a revision of ${entity.kind} "${entity.name}"`,
          "Pass one of its own previews (entity.tasks → task.previews), or leave preview out for the latest.",
        );
      }
      return { entityId: entity.id, previewId };
    });
    applyRecord(this, await context.adapter.addPlaylistEntries(this.id, resolved));
    return this;
  }

  /** Removes entities from the playlist; one that is not in it is a NotFoundError. */
  async remove(entities: readonly RefInput<TaskEntity>[]): Promise<this> {
    const context = contextOf(this);
    context.require("playlists");
    const where = "playlist.remove";
    requireList(entities, where, "[shot]");
    const ids = await eachItem(entities, where, (e) => resolveRef(context, playableKinds, e, `${where} (entity)`));
    for (const id of ids) {
      if (!this.entries.some((entry) => entry.entityId === id)) {
        throw NotFoundError.notAmong(
          labelOfId(context, id),
          `in playlist "${this.name}"`,
          "Check the playlist's entries (playlist.entries) and refresh() it if it changed.",
        );
      }
    }
    applyRecord(this, await context.adapter.removePlaylistEntries(this.id, ids));
    return this;
  }

  /** The entity of an entry, loaded, and of this playlist's project. */
  private async entityOf(value: RefInput<TaskEntity>, where: string): Promise<AnyEntity> {
    const context = contextOf(this);
    const id = await resolveRef(context, playableKinds, value, where, this.projectId);
    const entity = await loadReference(context, playableKinds, id, where);
    checkSameProject(context, entity, this.projectId);
    return entity;
  }
}

const playlistEntrySchema = z.strictObject({
  entity: z.custom<RefInput>((value) => value !== undefined && value !== null, {
    message: "expected the entity (shot, asset, sequence, edit or episode), or its id",
  }),
  preview: z.unknown().optional(),
});

/** `shot "sh010"` for an id the session holds, else the id. */
function labelOfId(context: SessionContext, id: string): string {
  const known = knownAs(context, id);
  return known ? `${known.kind} "${known.name}"` : id;
}
