import {
  asId,
  type CastIn,
  type CastingLink,
  checkTimeSpent,
  type Id,
  type IsoDate,
  PermissionError,
  type PlaylistEntry,
  type PlaylistRecord,
  type ProjectRecord,
  type SearchHit,
  type SearchOptions,
  type TaskRecord,
  type TimeSpentRecord,
} from "@gadget/core/adapter";
import { decodePlaylist } from "../codec/reviews.js";
import { decodeTimeSpent } from "../codec/tasks.js";
import { idOrNull, type KitsuRow, secondsToMinutes, toInt } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { RequestSpec } from "../transport/request-spec.js";
import { findEntityRow } from "./entity-lookup.js";
import type { OpsContext } from "./ops-context.js";
import { getOne, timeSpentRows } from "./query.js";
import type { StatusGuard } from "./statuses.js";
import { checkId, checkIds } from "./validate.js";
import { WriteAttempt } from "./write-attempt.js";

/** Relations and domain writes that are not plain CRUD: casting, assignment, time, playlists, team. */
export class Relations {
  private readonly entityProject = new Map<Id, string>();

  constructor(
    private readonly ctx: OpsContext,
    private readonly guard: StatusGuard,
  ) {}

  private async projectOf(entityId: Id): Promise<string> {
    const known = this.entityProject.get(entityId);
    if (known) return known;
    const row = await findEntityRow(this.ctx, entityId);
    this.entityProject.set(entityId, String(row.project_id));
    return String(row.project_id);
  }

  async getCasting(entityId: Id): Promise<CastingLink[]> {
    checkId(entityId, "entity");
    const projectId = await this.projectOf(entityId);
    const rows = await this.ctx.client.request<KitsuRow[]>({
      method: "GET",
      path: path(routes.getCasting, { projectId, entityId }),
    });
    return rows.map(toLink);
  }

  /** Zou's casting PUT replaces the whole list and is safe to repeat. */
  async setCasting(entityId: Id, links: readonly CastingLink[]): Promise<CastingLink[]> {
    checkId(entityId, "entity");
    checkIds(
      links.map((l) => l.assetId),
      "asset",
    );
    const projectId = await this.projectOf(entityId);
    const body = links.map((l) => ({ asset_id: l.assetId, nb_occurences: l.occurrences, label: l.label }));
    await this.ctx.client.request({
      method: "PUT",
      path: path(routes.setCasting, { projectId, entityId }),
      json: body,
    });
    return links.map((l) => ({ ...l }));
  }

  async castIn(assetId: Id): Promise<CastIn[]> {
    checkId(assetId, "asset");
    const rows = await this.ctx.client.request<KitsuRow[]>({
      method: "GET",
      path: path(routes.castIn, { id: assetId }),
    });
    return rows.flatMap((r) => {
      const shot = idOrNull(r.shot_id);
      const asset = idOrNull(r.asset_id);
      const entityId = shot ?? asset;
      if (!entityId) return [];
      return [
        {
          entityId,
          entityKind: shot ? ("shot" as const) : ("asset" as const),
          occurrences: Math.max(1, toInt(r.nb_occurences) ?? 1),
          label: typeof r.label === "string" ? r.label : "",
        },
      ];
    });
  }

  async assign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    checkId(taskId, "task");
    for (const personId of checkIds(personIds, "person")) {
      await this.ctx.client.request({
        method: "PUT",
        path: path(routes.assignPerson, { personId }),
        json: { task_ids: [taskId] },
      });
    }
    return getOne(this.ctx, "task", taskId);
  }

  async unassign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    checkId(taskId, "task");
    for (const personId of checkIds(personIds, "person")) {
      await this.ctx.client.request({
        method: "PUT",
        path: path(routes.clearAssignation, {}),
        json: { task_ids: [taskId], person_id: personId },
      });
    }
    return getOne(this.ctx, "task", taskId);
  }

  async timeSpent(
    mode: "set" | "add",
    taskId: Id,
    personId: Id,
    date: IsoDate,
    seconds: number,
  ): Promise<TimeSpentRecord> {
    checkId(taskId, "task");
    checkId(personId, "person");
    checkTimeSpent(date, seconds);
    const route = mode === "set" ? routes.setTimeSpent : routes.addTimeSpent;
    const spec: RequestSpec<KitsuRow> = {
      method: "POST",
      path: path(route, { taskId, date, personId }),
      json: { duration: secondsToMinutes(seconds) },
      // Setting is idempotent; adding twice would count twice, so a failed add is read back first.
      idempotent: mode === "set",
    };
    const written =
      mode === "set" ? this.ctx.client.request<KitsuRow>(spec) : this.addTimeSpent(spec, taskId, personId, date);
    const row = await written.catch(async (error: unknown) => {
      // Zou's 403 here is most often an unassigned person (recorded 173): say so when it is.
      if (error instanceof PermissionError && !(await this.assigned(taskId, personId))) {
        throw PermissionError.notAssigned(taskId, personId, error.request);
      }
      throw error;
    });
    return decodeTimeSpent(row);
  }

  /**
   * The day's time spent of the person on the task when a failed add attempt changed it: the row
   * written since the attempt began, not claimed by an earlier add.
   */
  private addTimeSpent(spec: RequestSpec<KitsuRow>, taskId: Id, personId: Id, date: IsoDate): Promise<KitsuRow> {
    const attempt = new WriteAttempt(this.ctx);
    // Each add raises the duration, so the row's stamp and duration tell one add's result from the next's.
    const stamp = (r: KitsuRow) => `${r.id}@${r.updated_at}@${r.duration}`;
    const landed = async () => {
      const { body, since } = await attempt.read<Record<string, unknown>>(path(routes.taskTimeSpents, { taskId }));
      return timeSpentRows(body).find(
        (r) =>
          r.person_id === personId &&
          String(r.date).startsWith(date) &&
          since(r.updated_at ?? r.created_at) &&
          attempt.claim(stamp(r)),
      );
    };
    return attempt.send(spec, landed, stamp);
  }

  /** Whether the task is assigned to the person; true when the task cannot be read (Zou's error then stands). */
  private async assigned(taskId: Id, personId: Id): Promise<boolean> {
    const task = await getOne(this.ctx, "task", taskId).catch(() => undefined);
    return task === undefined || task.assigneeIds.includes(personId);
  }

  async addPlaylistEntries(playlistId: Id, entries: readonly PlaylistEntry[]): Promise<PlaylistRecord> {
    checkId(playlistId, "playlist");
    let last: KitsuRow | undefined;
    for (const e of entries) {
      checkId(e.entityId, "entity");
      last = await this.ctx.client.request<KitsuRow>({
        method: "POST",
        path: path(routes.addPlaylistEntity, { id: playlistId }),
        json: e.previewId
          ? { entity_id: e.entityId, preview_file_id: checkId(e.previewId, "preview") }
          : { entity_id: e.entityId },
        // Zou skips an (entity, preview) couple the playlist already holds.
        idempotent: true,
      });
    }
    return last ? decodePlaylist(last) : getOne(this.ctx, "playlist", playlistId);
  }

  async removePlaylistEntries(playlistId: Id, entityIds: readonly Id[]): Promise<PlaylistRecord> {
    checkId(playlistId, "playlist");
    const drop = new Set(checkIds(entityIds, "entity"));
    const current = await getOne(this.ctx, "playlist", playlistId);
    // Zou's PUT keeps only the entries that carry a `preview_file_id` key, null included
    // (crud/playlist.py pre_update): an entry without one would be dropped silently.
    const shots = current.entries
      .filter((e) => !drop.has(e.entityId))
      .map((e) => ({ entity_id: e.entityId, preview_file_id: e.previewId }));
    const row = await this.ctx.client.request<KitsuRow>({
      method: "PUT",
      path: path(routes.updateModel, { model: "playlists", id: playlistId }),
      json: { shots },
    });
    return decodePlaylist(row);
  }

  async team(action: "add" | "remove", projectId: Id, personId: Id): Promise<ProjectRecord> {
    checkId(projectId, "project");
    checkId(personId, "person");
    if (action === "add") {
      await this.ctx.client.request({
        method: "POST",
        path: path(routes.addTeamMember, { projectId }),
        json: { person_id: personId },
        idempotent: true,
      });
    } else {
      await this.ctx.client.request({ method: "DELETE", path: path(routes.removeTeamMember, { projectId, personId }) });
    }
    return getOne(this.ctx, "project", projectId);
  }

  async addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id): Promise<ProjectRecord> {
    checkId(projectId, "project");
    checkId(id, kind);
    const [route, key] =
      kind === "taskType"
        ? [routes.addProjectTaskType, "task_type_id"]
        : kind === "taskStatus"
          ? [routes.addProjectTaskStatus, "task_status_id"]
          : [routes.addProjectAssetType, "asset_type_id"];
    await this.ctx.client.request({
      method: "POST",
      path: path(route, { projectId }),
      json: { [key]: id },
      idempotent: true,
    });
    this.guard.invalidateProject(projectId);
    return getOne(this.ctx, "project", projectId);
  }

  async search(text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const wanted = new Set(options.kinds ?? ["shot", "asset", "person"]);
    const indexes = (["asset", "shot", "person"] as const).filter((k) => wanted.has(k));
    if (indexes.length === 0 || text.trim().length < 3) return [];
    const answer = await this.ctx.client.request<Record<string, KitsuRow[] | undefined>>({
      method: "POST",
      path: path(routes.search, {}),
      json: {
        query: text,
        limit: options.limit ?? 20,
        index_names: indexes.map((k) => `${k}s`),
        ...(options.projectId ? { project_id: checkId(options.projectId, "project") } : {}),
      },
      idempotent: true,
    });
    return indexes.flatMap((kind) =>
      (answer?.[`${kind}s`] ?? []).map((r) => ({
        kind,
        id: asId(r.id),
        name: String(r.name ?? r.full_name ?? `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim()),
        projectId: idOrNull(r.project_id),
      })),
    );
  }
}

function toLink(r: KitsuRow): CastingLink {
  return {
    assetId: asId(String(r.asset_id)),
    occurrences: Math.max(1, toInt(r.nb_occurences) ?? 1),
    label: typeof r.label === "string" ? r.label : "",
  };
}
