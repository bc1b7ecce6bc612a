import { asId, type Id, type ProjectRecord, type TaskStatusRecord, type TaskTypeRecord } from "@gadget/core/adapter";
import { decodeTaskStatuses, decodeTaskType } from "../codec/tasks.js";
import { idOrNull, type KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { KitsuClient } from "../transport/client.js";
import { RecentMap } from "./recent-map.js";
import { loadStudioContext, type StudioContext, type StudioList } from "./studio-context.js";

/**
 * Tasks whose project the session remembers (a status check needs it): the tasks read last, enough
 * for a script's working set, bounded so that iterating a studio's tasks does not keep one per task.
 */
export const rememberedTasks = 1_000;

/** Entity types that are not asset types (Zou calls them temporal). */
export const temporalTypeNames = new Set(["Shot", "Sequence", "Episode", "Scene", "Edit", "Concept"]);

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
}

/** What the session knows of a project without asking: its production type and enabled statuses. */
export interface KnownProject {
  productionType: ProjectRecord["productionType"];
  /** Absent when the row the project was read from did not carry its relations. */
  taskStatusIds: readonly Id[] | undefined;
}

/**
 * Studio reference data read once per session: for a person, everything comes from ONE
 * `data/user/context` request; for a bot (403 there), each list is read when first needed. A write
 * of a kind drops its list (the next use reads that list alone). The cache also remembers what
 * decoded records taught it: each sequence's episode, each project's type and statuses, the
 * project of the tasks read last, so that later operations need not ask.
 */
export class ReferenceCache {
  private context?: Promise<StudioContext | undefined>;
  private readonly lists = new Map<StudioList, Promise<KitsuRow[]>>();
  private contextProjects: KitsuRow[] | undefined;
  private taskTypes?: Promise<Map<Id, { record: TaskTypeRecord; forEntity: string }>>;
  private statuses?: Promise<TaskStatusRecord[]>;
  private entityTypes?: Promise<EntityTypes>;
  private readonly sequenceEpisode = new Map<Id, Id | null>();
  private readonly projects = new Map<Id, KnownProject>();
  private readonly taskProject = new RecentMap<Id, Id>(rememberedTasks);

  constructor(private readonly client: KitsuClient) {}

  invalidate(what: CachedKind | "project" | "all"): void {
    if (what === "taskType" || what === "all") {
      this.taskTypes = undefined;
      this.lists.delete("task-types");
    }
    if (what === "taskStatus" || what === "all") {
      this.statuses = undefined;
      this.lists.delete("task-status");
    }
    if (what === "assetType" || what === "all") {
      this.entityTypes = undefined;
      this.lists.delete("entity-types");
    }
    if (what === "department" || what === "all") this.lists.delete("departments");
    // Projects written by this session are learnt again from the rows the writes return.
    if (what === "project" || what === "all") this.contextProjects = undefined;
    if (what === "all") this.projects.clear();
  }

  /** The rows of a reference list: from the session's context when it had it, else one list request. */
  rows(list: StudioList): Promise<KitsuRow[]> {
    let found = this.lists.get(list);
    if (!found) {
      found = this.fromContext(list).then(
        (rows) =>
          rows ??
          this.client.request<KitsuRow[]>({
            method: "GET",
            path:
              list === "project-status" ? path(routes.projectStatuses, {}) : path(routes.listModel, { model: list }),
          }),
      );
      // A failed read is not kept: the next use asks again.
      found.catch(() => this.lists.delete(list));
      this.lists.set(list, found);
    }
    return found;
  }

  /** Open project rows with their relations, from the context (never read alone: the crud list serves that). */
  async openProjects(): Promise<KitsuRow[] | undefined> {
    await this.bootContext();
    return this.contextProjects;
  }

  taskTypeMap() {
    this.taskTypes ??= this.rows("task-types").then(
      (rows) =>
        new Map(rows.map((row) => [asId(row.id), { record: decodeTaskType(row), forEntity: String(row.for_entity) }])),
    );
    return this.taskTypes;
  }

  /** The `for_entity` of a task type; reloads once when the type is newer than the cache. */
  async forEntity(taskTypeId: Id): Promise<string | undefined> {
    let found = (await this.taskTypeMap()).get(taskTypeId);
    if (!found) {
      this.invalidate("taskType");
      found = (await this.taskTypeMap()).get(taskTypeId);
    }
    return found?.forEntity;
  }

  taskStatuses(): Promise<TaskStatusRecord[]> {
    this.statuses ??= this.rows("task-status").then(decodeTaskStatuses);
    return this.statuses;
  }

  entityTypeTable(): Promise<EntityTypes> {
    this.entityTypes ??= this.rows("entity-types").then((rows) => ({
      assetTypeIds: new Set(rows.filter((r) => !temporalTypeNames.has(String(r.name))).map((r) => asId(r.id))),
    }));
    return this.entityTypes;
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
    });
  }

  knownProject(projectId: Id): KnownProject | undefined {
    return this.projects.get(projectId);
  }

  forgetProject(projectId: Id): void {
    this.projects.delete(projectId);
    this.contextProjects = undefined;
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

  private bootContext(): Promise<StudioContext | undefined> {
    this.context ??= loadStudioContext(this.client).then((context) => {
      this.contextProjects = context?.projects;
      return context;
    });
    // A failed boot is retried by the next use rather than poisoning the session.
    this.context.catch(() => {
      this.context = undefined;
    });
    return this.context;
  }

  /** A list from the context, only while the context was not used up for it (a write drops it). */
  private async fromContext(list: StudioList): Promise<KitsuRow[] | undefined> {
    const booted = this.context !== undefined;
    const context = await this.bootContext();
    // Once booted, a list asked for again was dropped by a write: the context copy is stale.
    if (booted && !this.freshFromBoot.has(list)) return undefined;
    this.freshFromBoot.delete(list);
    return context?.lists[list];
  }

  private readonly freshFromBoot = new Set<StudioList>([
    "task-types",
    "task-status",
    "entity-types",
    "departments",
    "project-status",
  ]);
}
