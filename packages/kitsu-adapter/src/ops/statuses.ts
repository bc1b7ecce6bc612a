import { type Id, ValidationError } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { cachedRecords } from "./cached-query.js";
import type { OpsContext } from "./ops-context.js";
import { getOne } from "./query.js";

/**
 * Refuses a status the task's project does not use, before anything is written. What it needs
 * (the task's project, the project's enabled statuses, the studio's statuses) normally comes from
 * what the session already read, so the check costs no request.
 */
export class StatusGuard {
  constructor(private readonly ctx: OpsContext) {}

  /** Forgets what the session knew of the project (its settings changed). */
  invalidateProject(projectId: Id): void {
    this.ctx.ref.forgetProject(projectId);
  }

  async check(taskId: Id, statusId: Id): Promise<void> {
    const projectId = await this.projectOf(taskId);
    const enabled = new Set<string>(await this.enabled(projectId));
    const studio = await cachedRecords(this.ctx, "taskStatus");
    // A project without status settings accepts every studio status, as Kitsu does.
    const valid = studio.filter((s) => enabled.size === 0 || enabled.has(s.id));
    if (!valid.some((s) => s.id === statusId)) {
      throw ValidationError.unknownStatus(
        statusId,
        `project ${projectId}`,
        valid.map((s) => s.shortName),
      );
    }
  }

  private async projectOf(taskId: Id): Promise<Id> {
    const known = this.ctx.ref.projectOfTask(taskId);
    if (known) return known;
    const task = await this.ctx.client.request<KitsuRow>({
      method: "GET",
      path: path(routes.getModel, { model: "tasks", id: taskId }),
    });
    const projectId = String(task.project_id) as Id;
    this.ctx.ref.rememberTask(taskId, projectId);
    return projectId;
  }

  private async enabled(projectId: Id): Promise<readonly Id[]> {
    const known = this.ctx.ref.knownProject(projectId)?.taskStatusIds;
    if (known) return known;
    return (await getOne(this.ctx, "project", projectId)).taskStatusIds;
  }
}
