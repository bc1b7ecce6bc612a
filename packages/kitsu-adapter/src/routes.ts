import type { HttpMethod } from "./transport/request-spec.js";

/*
 * Every route the adapter calls, as Zou 1.0.67 declares it (paths relative to `/api`). Code builds
 * paths only through `path(routes.x, ...)`, so this table is the adapter's whole surface; the
 * drift test checks each entry against Zou's own OpenAPI spec.
 */

export interface Route {
  method: HttpMethod;
  template: string;
}

const r = (method: HttpMethod, template: string): Route => ({ method, template });

export const routes = {
  login: r("POST", "/auth/login"),
  refresh: r("GET", "/auth/refresh-token"),
  authenticated: r("GET", "/auth/authenticated"),
  logout: r("GET", "/auth/logout"),

  projectStatuses: r("GET", "/data/project-status"),
  openProjects: r("GET", "/data/projects/open"),
  listModel: r("GET", "/data/{model}"),
  getModel: r("GET", "/data/{model}/{id}"),
  createModel: r("POST", "/data/{model}"),
  updateModel: r("PUT", "/data/{model}/{id}"),
  deleteModel: r("DELETE", "/data/{model}/{id}"),
  updateEntity: r("PUT", "/data/entities/{id}"),

  createEpisode: r("POST", "/data/projects/{projectId}/episodes"),
  createSequence: r("POST", "/data/projects/{projectId}/sequences"),
  createShot: r("POST", "/data/projects/{projectId}/shots"),
  createAsset: r("POST", "/data/projects/{projectId}/asset-types/{assetTypeId}/assets/new"),
  listEpisodes: r("GET", "/data/episodes"),
  listSequences: r("GET", "/data/sequences"),
  listShots: r("GET", "/data/shots/all"),
  listAssets: r("GET", "/data/assets/all"),
  shotsWithTasks: r("GET", "/data/shots/with-tasks"),
  assetsWithTasks: r("GET", "/data/assets/with-tasks"),
  getEpisode: r("GET", "/data/episodes/{id}"),
  getSequence: r("GET", "/data/sequences/{id}"),
  getShot: r("GET", "/data/shots/{id}"),
  getAsset: r("GET", "/data/assets/{id}"),
  deleteShot: r("DELETE", "/data/shots/{id}"),
  deleteAsset: r("DELETE", "/data/assets/{id}"),
  deleteSequence: r("DELETE", "/data/sequences/{id}"),
  deleteEpisode: r("DELETE", "/data/episodes/{id}"),

  taskComments: r("GET", "/data/tasks/{taskId}/comments"),
  taskTimeSpents: r("GET", "/actions/tasks/{taskId}/time-spents"),
  comment: r("POST", "/actions/tasks/{taskId}/comment"),
  batchComment: r("POST", "/actions/tasks/{taskId}/batch-comment"),
  addPreview: r("POST", "/actions/tasks/{taskId}/comments/{commentId}/add-preview"),
  uploadPreview: r("POST", "/pictures/preview-files/{id}"),
  setMainPreview: r("PUT", "/actions/preview-files/{id}/set-main-preview"),
  addAttachment: r("POST", "/actions/tasks/{taskId}/comments/{commentId}/add-attachment"),
  previewPicture: r("GET", "/pictures/originals/preview-files/{id}.png"),
  previewMovie: r("GET", "/movies/originals/preview-files/{id}.mp4"),
  previewOther: r("GET", "/pictures/originals/preview-files/{id}/download"),
  attachmentFile: r("GET", "/data/attachment-files/{id}/file/{name}"),

  getCasting: r("GET", "/data/projects/{projectId}/entities/{entityId}/casting"),
  setCasting: r("PUT", "/data/projects/{projectId}/entities/{entityId}/casting"),
  castIn: r("GET", "/data/assets/{id}/cast-in"),

  assignPerson: r("PUT", "/actions/persons/{personId}/assign"),
  clearAssignation: r("PUT", "/actions/tasks/clear-assignation"),
  setTimeSpent: r("POST", "/actions/tasks/{taskId}/time-spents/{date}/persons/{personId}"),
  addTimeSpent: r("POST", "/actions/tasks/{taskId}/time-spents/{date}/persons/{personId}/add"),

  addPlaylistEntity: r("POST", "/actions/playlists/{id}/add-entity"),
  addTeamMember: r("POST", "/data/projects/{projectId}/team"),
  removeTeamMember: r("DELETE", "/data/projects/{projectId}/team/{personId}"),
  addProjectTaskType: r("POST", "/data/projects/{projectId}/settings/task-types"),
  addProjectTaskStatus: r("POST", "/data/projects/{projectId}/settings/task-status"),
  addProjectAssetType: r("POST", "/data/projects/{projectId}/settings/asset-types"),
  search: r("POST", "/data/search"),
} as const satisfies Record<string, Route>;

/** Crud models the `{model}` routes are used with. */
export const crudModels = [
  "projects",
  "entity-types",
  "entities",
  "tasks",
  "task-types",
  "task-status",
  "comments",
  "preview-files",
  "attachment-files",
  "persons",
  "departments",
  "playlists",
  "time-spents",
] as const;
export type CrudModel = (typeof crudModels)[number];

/** Fills a template: `path(routes.getModel, { model: "tasks", id })` → `data/tasks/<id>` (URL-encoded). */
export function path(route: Route, params: Record<string, string>): string {
  return route.template
    .replace(/\{(\w+)\}/g, (_m, key: string) => {
      const value = params[key];
      if (value === undefined) throw new TypeError(`route ${route.template} needs {${key}}`);
      return encodeURIComponent(value);
    })
    .replace(/^\//, "");
}

/** Every concrete route template (crud ones expanded per model), for the drift test. */
export function allRouteTemplates(): Route[] {
  const out: Route[] = [];
  for (const route of Object.values(routes)) {
    if (!route.template.includes("{model}")) {
      out.push(route);
      continue;
    }
    for (const model of crudModels)
      out.push({ method: route.method, template: route.template.replace("{model}", model) });
  }
  return out;
}
