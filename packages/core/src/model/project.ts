import type { Collection } from "../collections/collection.js";
import type { FromEnvOptions } from "../config/env.js";
import { ConfigError } from "../errors.js";
import { createEventsAccessor, type EventsAccessor } from "../events/accessor.js";
import type { TrackerEvent } from "../events/tracker-event.js";
import type { EventName } from "../events/vocabulary.js";
import { type ProjectRecord, projectRecordSchema } from "../schema/production.js";
import { Tracker } from "../session/tracker.js";
import type { AssetType } from "./asset-type.js";
import { children } from "./children.js";
import { type AnyEntity, Entity } from "./entity.js";
import { applyRecord, contextOf } from "./meta/entity-state.js";
import { field, lazy } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { TaskStatus } from "./task-status.js";
import type { TaskType } from "./task-type.js";
import { TeamAccessor } from "./team.js";

const s = projectRecordSchema.shape;

/** Kinds a project enables from the studio's lists. */
type Enabled = "taskType" | "taskStatus" | "assetType";
const enabledField = { taskType: "taskTypeIds", taskStatus: "taskStatusIds", assetType: "assetTypeIds" } as const;

/**
 * A production (short, feature film, tvshow) and the way into everything in it: its episodes,
 * sequences, shots, assets, tasks and playlists as collections, its team and its events. A TD
 * opens the one `TRACKER_PROJECT` names with `Project.fromEnv()`, or finds one in
 * `tracker.projects`.
 *
 * @example
 * const project = await Project.fromEnv();
 * const shot = await project.shots.get({ name: "sq170_sh0224" });
 */
@entity("project")
export class Project extends Entity<"project"> {
  @field(s.code) declare code: ProjectRecord["code"];
  @field(s.description) declare description: ProjectRecord["description"];
  @field(s.productionType) declare readonly productionType: ProjectRecord["productionType"];
  /** `open` or `closed`. */
  @field(s.status) declare status: ProjectRecord["status"];
  @field(s.fps) declare fps: ProjectRecord["fps"];
  @field(s.ratio) declare ratio: ProjectRecord["ratio"];
  @field(s.resolution) declare resolution: ProjectRecord["resolution"];
  @field(s.startDate) declare startDate: ProjectRecord["startDate"];
  @field(s.endDate) declare endDate: ProjectRecord["endDate"];
  /**
   * Kitsu's "set main preview automatically": on, the tracker makes the first preview of every
   * comment the main preview of the task's shot or asset, `setMainPreview` or not (and the Kitsu
   * adapter then saves its `set-main-preview` request).
   */
  @field(s.mainPreviewAutomated) declare mainPreviewAutomated: ProjectRecord["mainPreviewAutomated"];
  /** Task types enabled on the project (empty: all of the studio's). */
  @field(s.taskTypeIds) declare readonly taskTypeIds: ProjectRecord["taskTypeIds"];
  /** Task statuses enabled on the project (empty: all of the studio's). */
  @field(s.taskStatusIds) declare readonly taskStatusIds: ProjectRecord["taskStatusIds"];
  /** Asset types enabled on the project (empty: all of the studio's). */
  @field(s.assetTypeIds) declare readonly assetTypeIds: ProjectRecord["assetTypeIds"];

  /** The project's episodes (a tvshow's); Kitsu gives a new tvshow its first, E01. */

  @lazy get episodes(): Collection<"episode"> {
    return children(this, "episode", () => ({ projectId: this.id }), {
      capability: "episodes",
    });
  }
  /** The project's sequences. */
  @lazy get sequences(): Collection<"sequence"> {
    return children(this, "sequence", () => ({ projectId: this.id }));
  }
  /** Every shot of the project; `get({ name, sequence })` picks one. */
  @lazy get shots(): Collection<"shot"> {
    return children(this, "shot", () => ({ projectId: this.id }));
  }
  /** The project's assets. */
  @lazy get assets(): Collection<"asset"> {
    return children(this, "asset", () => ({ projectId: this.id }));
  }
  /** Every task of the project, on shots, assets, sequences and episodes. */
  @lazy get tasks(): Collection<"task"> {
    return children(this, "task", () => ({ projectId: this.id }), { defaults: () => ({}) });
  }
  /** The project's edits (on tvshows, `episode.edits` holds an episode's). */
  @lazy get edits(): Collection<"edit"> {
    return children(this, "edit", () => ({ projectId: this.id }));
  }
  /** The project's concepts. */
  @lazy get concepts(): Collection<"concept"> {
    return children(this, "concept", () => ({ projectId: this.id }));
  }
  /** Every scene of the project; `sequence.scenes.new()` creates one. */
  @lazy get scenes(): Collection<"scene"> {
    return children(this, "scene", () => ({ projectId: this.id }));
  }
  /** The project's review playlists. */
  @lazy get playlists(): Collection<"playlist"> {
    return children(this, "playlist", () => ({ projectId: this.id }), {
      capability: "playlists",
    });
  }
  /** Asset types enabled on the project; `new()` creates one in the studio and enables it here. */
  @lazy get assetTypes(): Collection<"assetType", AssetType> {
    return this.enabled("assetType");
  }
  /** Task types enabled on the project; `new()` creates one in the studio and enables it here. */
  @lazy get taskTypes(): Collection<"taskType", TaskType> {
    return this.enabled("taskType");
  }
  /** Task statuses enabled on the project; `new()` creates one in the studio and enables it here. */
  @lazy get taskStatuses(): Collection<"taskStatus", TaskStatus> {
    return this.enabled("taskStatus");
  }
  /** The persons working on the project. */
  @lazy get team(): TeamAccessor {
    return new TeamAccessor(this);
  }
  /**
   * The project's events as an async iterable, live or replayed with `.since(date)`.
   *
   * @example
   * for await (const e of project.events.since(yesterday)) console.log(e.name, e.id);
   */
  @lazy get events(): EventsAccessor<AnyEntity> {
    return createEventsAccessor(contextOf(this).hub, { projectId: this.id });
  }

  /**
   * Opens the project named by `TRACKER_PROJECT`, on the tracker the `TRACKER_*` variables describe.
   *
   * @example
   * const project = await Project.fromEnv();
   */
  static async fromEnv(options?: FromEnvOptions): Promise<Project> {
    const tracker = await Tracker.fromEnv(options);
    const name = tracker.config?.project;
    try {
      if (!name) {
        throw ConfigError.missingVariable("TRACKER_PROJECT", "Set it to the name of the project to open.");
      }
      const project = await tracker.projects.find({ name });
      if (project) return project;
      const existing = (await tracker.projects.all()).map((p) => p.name);
      throw ConfigError.unknownProject(name, existing);
    } catch (error) {
      await tracker.close();
      throw error;
    }
  }

  /**
   * Listens to the project's events (`"*"` for all); events of other projects never arrive.
   * Returns the function that stops listening.
   *
   * @example
   * const stop = project.on("task:status-changed", (e) => console.log(e.id, e.data.newTaskStatusId));
   */
  on<N extends EventName>(name: N | "*", handler: (event: TrackerEvent<N, AnyEntity>) => void): () => void {
    return contextOf(this).hub.on(name, handler, { projectId: this.id });
  }

  /** Enables a studio task type, task status or asset type on this project. */
  async enable(entity: TaskType | TaskStatus | AssetType): Promise<void> {
    const context = contextOf(this);
    applyRecord(this, await context.adapter.addToProject(this.id, entity.kind, entity.id));
  }

  private enabled<K extends Enabled>(kind: K): Collection<K> {
    const ids = (): readonly string[] => this[enabledField[kind]];
    return children(this, kind, () => (ids().length > 0 ? { id: [...ids()] } : {}), {
      defaults: () => ({}),
      afterCreate: (created) => this.enable(created as TaskType | TaskStatus | AssetType),
    }) as Collection<K>;
  }
}
