import { asId, type Id, type TaskStatusRecord, type TaskTypeRecord } from "@gadget/core";
import { decodeTaskStatus, decodeTaskType } from "../codec/tasks.js";
import { idOrNull, type KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { KitsuClient } from "../transport/client.js";

/** Entity types that are not asset types (Zou calls them temporal). */
export const temporalTypeNames = new Set(["Shot", "Sequence", "Episode", "Scene", "Edit", "Concept"]);

interface EntityTypes {
  byName: Map<string, Id>;
  assetTypeIds: Set<Id>;
  rows: KitsuRow[];
}

/**
 * Studio reference data read once per session (task types, statuses, entity types, project
 * statuses, each sequence's episode) and dropped when a write may have changed it.
 */
export class ReferenceCache {
  private taskTypes?: Promise<Map<Id, { record: TaskTypeRecord; forEntity: string }>>;
  private statuses?: Promise<TaskStatusRecord[]>;
  private entityTypes?: Promise<EntityTypes>;
  private projectStatuses?: Promise<Map<string, string>>;
  private readonly sequenceEpisode = new Map<Id, Id | null>();

  constructor(private readonly client: KitsuClient) {}

  invalidate(what: "taskType" | "taskStatus" | "assetType" | "all"): void {
    if (what === "taskType" || what === "all") this.taskTypes = undefined;
    if (what === "taskStatus" || what === "all") this.statuses = undefined;
    if (what === "assetType" || what === "all") this.entityTypes = undefined;
    if (what === "all") this.projectStatuses = undefined;
  }

  taskTypeMap() {
    this.taskTypes ??= this.list("task-types").then(
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
    this.statuses ??= this.list("task-status").then((rows) => rows.map(decodeTaskStatus));
    return this.statuses;
  }

  entityTypeTable(): Promise<EntityTypes> {
    this.entityTypes ??= this.list("entity-types").then((rows) => {
      const byName = new Map(rows.map((r) => [String(r.name), asId(r.id)]));
      const assetTypeIds = new Set(rows.filter((r) => !temporalTypeNames.has(String(r.name))).map((r) => asId(r.id)));
      return { byName, assetTypeIds, rows };
    });
    return this.entityTypes;
  }

  async projectStatusNames(): Promise<Map<string, string>> {
    this.projectStatuses ??= this.client
      .request<KitsuRow[]>({ method: "GET", path: path(routes.projectStatuses, {}) })
      .then((rows) => new Map(rows.map((r) => [r.id, String(r.name)])));
    return this.projectStatuses;
  }

  episodeOfSequence(sequenceId: Id): Id | null {
    return this.sequenceEpisode.get(sequenceId) ?? null;
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

  private list(model: "task-types" | "task-status" | "entity-types"): Promise<KitsuRow[]> {
    return this.client.request<KitsuRow[]>({ method: "GET", path: path(routes.listModel, { model }) });
  }
}
