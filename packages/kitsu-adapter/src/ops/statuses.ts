import { type Id, ValidationError } from "@gadget/core";
import { idList, type KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./context.js";

/** Task → project, project → enabled statuses: both stable enough to keep for the session. */
export class StatusGuard {
  private readonly taskProject = new Map<Id, string>();
  private readonly projectStatuses = new Map<string, Promise<Set<string>>>();

  constructor(private readonly ctx: OpsContext) {}

  invalidateProject(projectId: string): void {
    this.projectStatuses.delete(projectId);
  }

  /** Refuses a status the task's project does not use, listing the short names it does. */
  async check(taskId: Id, statusId: Id): Promise<void> {
    const projectId = await this.projectOf(taskId);
    const enabled = await this.enabled(projectId);
    const studio = await this.ctx.ref.taskStatuses();
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

  private async projectOf(taskId: Id): Promise<string> {
    const known = this.taskProject.get(taskId);
    if (known) return known;
    const task = await this.ctx.client.request<KitsuRow>({
      method: "GET",
      path: path(routes.getModel, { model: "tasks", id: taskId }),
    });
    const projectId = String(task.project_id);
    this.taskProject.set(taskId, projectId);
    return projectId;
  }

  private enabled(projectId: string): Promise<Set<string>> {
    let found = this.projectStatuses.get(projectId);
    if (!found) {
      found = this.ctx.client
        .request<KitsuRow>({ method: "GET", path: path(routes.getModel, { model: "projects", id: projectId }) })
        .then((p) => new Set(idList(p.task_statuses).map(String)));
      this.projectStatuses.set(projectId, found);
    }
    return found;
  }
}
