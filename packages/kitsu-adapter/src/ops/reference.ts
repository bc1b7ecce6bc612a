import { asId, type Id, type ProjectRecord } from "@gadget/core/adapter";
import { idOrNull, type KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { KitsuClient } from "../transport/client.js";
import { RecentMap } from "./recent-map.js";

/**
 * Tasks whose project the session remembers (a status check needs it): the tasks read last, enough
 * for a script's working set, bounded so that iterating a studio's tasks does not keep one per task.
 */
export const rememberedTasks = 1_000;

/** Entity types that are not asset types (Zou calls them temporal). */
export const temporalTypeNames = new Set(["Shot", "Sequence", "Episode", "Scene", "Edit", "Concept"]);

/** Studio-wide reference lists the session keeps, each read whole in one request. */
export type StudioList = "task-types" | "task-status" | "entity-types" | "departments" | "project-status";

/** Kinds whose whole list the session keeps, and the list each lives in. */
export const cachedKinds = {
  taskType: "task-types",
  taskStatus: "task-status",
  assetType: "entity-types",
  department: "departments",
} as const satisfies Record<string, StudioList>;
export type CachedKind = keyof typeof cachedKinds;
export const isCachedKind = (kind: string): kind is CachedKind => kind in cachedKinds;

interface EntityTypes {
  assetTypeIds: Set<Id>;
  /** The id of each temporal entity type, by name ("Edit", "Scene", ...). */
  temporalTypeIds: Map<string, Id>;
}

/** What the session knows of a project without asking: its production type and enabled statuses. */
export interface KnownProject {
  productionType: ProjectRecord["productionType"];
  /** Absent when the row the project was read from did not carry its relations. */
  taskStatusIds: readonly Id[] | undefined;
  /** `is_set_preview_automated`; absent when the row did not carry it. */
  mainPreviewAutomated: boolean | undefined;
}

/**
 * A value loaded once and shared by every caller; a failed load is not kept, so the next use asks
 * again instead of the session staying broken.
 */
class Loaded<T> {
  private value?: Promise<T>;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.value) {
      const value = this.load();
      this.value = value;
      value.catch(() => {
        if (this.value === value) this.value = undefined;
      });
    }
    return this.value;
  }

  /** Starts the load without waiting for it; a failure surfaces at the next `get()`, not here. */
  start(): void {
    this.get().catch(() => {});
  }

  drop(): void {
    this.value = undefined;
  }
}

/**
 * Studio reference data, read per kind: each list is ONE request, made on first use, and kept for
 * the session. Zou's `data/user/context` would bring them all at once, but it also brings every open
 * project (team, settings, descriptors) and every person of the studio, so its cost grows with the
 * studio and every script would pay it at start. A write of a kind drops its list (the next use
 * reads it again). The cache also remembers what decoded records taught it: each sequence's
 * episode, each project's type and statuses, each task's project, so that later operations need
 * not ask.
 */
export class ReferenceCache {
  private readonly lists = new Map<StudioList, Loaded<KitsuRow[]>>();
  /** Each task type's `for_entity`, read from the list's rows (no decoding needed). */
  private readonly taskTypes = new Loaded(
    async () => new Map((await this.rows("task-types")).map((row) => [asId(row.id), String(row.for_entity)])),
  );
  private readonly entityTypes = new Loaded<EntityTypes>(async () => {
    const rows = await this.rows("entity-types");
    return {
      assetTypeIds: new Set(rows.filter((r) => !temporalTypeNames.has(String(r.name))).map((r) => asId(r.id))),
      temporalTypeIds: new Map(
        rows.filter((r) => temporalTypeNames.has(String(r.name))).map((r) => [String(r.name), asId(r.id)]),
      ),
    };
  });
  private readonly sequenceEpisode = new Map<Id, Id | null>();
  private readonly projects = new Map<Id, KnownProject>();
  private readonly taskProject = new RecentMap<Id, Id>(rememberedTasks);

  constructor(private readonly client: KitsuClient) {}

  /**
   * Starts reading, side by side, the lists nearly every script needs: task types (every task read
   * is decoded with them) and task statuses (every comment names one). Both are small whatever the
   * studio's size; called once the session is logged in, so they arrive while the script looks its
   * project up.
   */
  warm(): void {
    this.taskTypes.start();
    this.rows("task-status").catch(() => {});
  }

  invalidate(what: CachedKind | "all"): void {
    if (what === "taskType" || what === "all") this.drop("task-types", this.taskTypes);
    if (what === "taskStatus" || what === "all") this.lists.get("task-status")?.drop();
    if (what === "assetType" || what === "all") this.drop("entity-types", this.entityTypes);
    if (what === "department" || what === "all") this.lists.get("departments")?.drop();
    if (what === "all") this.projects.clear();
  }

  /** The rows of a reference list: one request the first time, none after. */
  rows(list: StudioList): Promise<KitsuRow[]> {
    let found = this.lists.get(list);
    if (!found) {
      found = new Loaded(() =>
        this.client.request<KitsuRow[]>({
          method: "GET",
          path: list === "project-status" ? path(routes.projectStatuses, {}) : path(routes.listModel, { model: list }),
        }),
      );
      this.lists.set(list, found);
    }
    return found.get();
  }

  /** Each task type's `for_entity` (what its tasks hang on), by task type id. */
  taskTypeMap(): Promise<Map<Id, string>> {
    return this.taskTypes.get();
  }

  /** The `for_entity` of a task type; reloads once when the type is newer than the cache. */
  async forEntity(taskTypeId: Id): Promise<string | undefined> {
    let found = (await this.taskTypeMap()).get(taskTypeId);
    if (!found) {
      this.invalidate("taskType");
      found = (await this.taskTypeMap()).get(taskTypeId);
    }
    return found;
  }

  entityTypeTable(): Promise<EntityTypes> {
    return this.entityTypes.get();
  }

  async projectStatusNames(): Promise<Map<string, string>> {
    const rows = await this.rows("project-status");
    return new Map(rows.map((r) => [r.id, String(r.name)]));
  }

  /** Learns a project from a decoded row; rows without `production_type` teach nothing. */
  rememberProject(record: ProjectRecord): void {
    if (typeof record.raw.production_type !== "string") return;
    const withRelations = Array.isArray(record.raw.task_statuses);
    this.projects.set(record.id, {
      productionType: record.productionType,
      taskStatusIds: withRelations ? record.taskStatusIds : undefined,
      mainPreviewAutomated:
        typeof record.raw.is_set_preview_automated === "boolean" ? record.mainPreviewAutomated : undefined,
    });
  }

  knownProject(projectId: Id): KnownProject | undefined {
    return this.projects.get(projectId);
  }

  forgetProject(projectId: Id): void {
    this.projects.delete(projectId);
  }

  rememberTask(taskId: Id, projectId: Id): void {
    if (projectId) this.taskProject.set(taskId, projectId);
  }

  projectOfTask(taskId: Id): Id | undefined {
    return this.taskProject.get(taskId);
  }

  episodeOfSequence(sequenceId: Id): Id | null {
    return this.sequenceEpisode.get(sequenceId) ?? null;
  }

  knowsSequence(sequenceId: Id): boolean {
    return this.sequenceEpisode.has(sequenceId);
  }

  /** Learns the episodes of the given sequences in one IN request (a sequence never moves). */
  async learnSequences(sequenceIds: Iterable<Id>): Promise<void> {
    const unknown = [...new Set(sequenceIds)].filter((id) => id && !this.sequenceEpisode.has(id));
    if (unknown.length === 0) return;
    const rows = await this.client.request<KitsuRow[]>({
      method: "GET",
      path: path(routes.listSequences, {}),
      searchParams: { id: JSON.stringify(unknown) },
    });
    for (const id of unknown) this.sequenceEpisode.set(id, null);
    for (const row of rows) this.sequenceEpisode.set(asId(row.id), idOrNull(row.parent_id));
  }

  rememberSequence(sequenceId: Id, episodeId: Id | null): void {
    this.sequenceEpisode.set(sequenceId, episodeId);
  }

  /** Drops a list and the table decoded from it. */
  private drop(list: StudioList, table: Loaded<unknown>): void {
    this.lists.get(list)?.drop();
    table.drop();
  }
}
