import type { HttpMethod } from "./transport/request-spec.js";

/*
 * Every route the adapter calls, as Zou 1.0.67 declares it (paths relative to `/api`). Code builds
 * paths only through `path(routes.x, ...)`, so this table is the adapter's whole surface; the
 * drift test checks each entry against Zou's own OpenAPI spec.
 */

/** A Zou route: method and path template (relative to `/api`). */
export interface Route {
  method: HttpMethod;
  template: string;
}

// The method stays a literal type, so that the retry rules below can require every route that writes.
const r = <M extends HttpMethod>(method: M, template: string): Route & { method: M } => ({ method, template });

/** Every route the adapter calls, by name. */
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
  createEdit: r("POST", "/data/projects/{projectId}/edits"),
  createConcept: r("POST", "/data/projects/{projectId}/concepts"),
  createScene: r("POST", "/data/projects/{projectId}/scenes"),
  listEdits: r("GET", "/data/edits/all"),
  listConcepts: r("GET", "/data/concepts"),
  listScenes: r("GET", "/data/scenes/all"),
  getEdit: r("GET", "/data/edits/{id}"),
  getConcept: r("GET", "/data/concepts/{id}"),
  getScene: r("GET", "/data/scenes/{id}"),
  deleteEdit: r("DELETE", "/data/edits/{id}"),
  deleteConcept: r("DELETE", "/data/concepts/{id}"),
  deleteScene: r("DELETE", "/data/scenes/{id}"),

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
  previewLowMovie: r("GET", "/movies/low/preview-files/{id}.mp4"),
  previewThumbnail: r("GET", "/pictures/thumbnails/preview-files/{id}.png"),
  previewSquareThumbnail: r("GET", "/pictures/thumbnails-square/preview-files/{id}.png"),
  previewWidePicture: r("GET", "/pictures/previews/preview-files/{id}.png"),

  getCasting: r("GET", "/data/projects/{projectId}/entities/{entityId}/casting"),
  setCasting: r("PUT", "/data/projects/{projectId}/entities/{entityId}/casting"),
  castIn: r("GET", "/data/assets/{id}/cast-in"),

  assignPerson: r("PUT", "/actions/persons/{personId}/assign"),
  clearAssignation: r("PUT", "/actions/tasks/clear-assignation"),
  setTimeSpent: r("POST", "/actions/tasks/{taskId}/time-spents/{date}/persons/{personId}"),
  addTimeSpent: r("POST", "/actions/tasks/{taskId}/time-spents/{date}/persons/{personId}/add"),

  addPlaylistEntity: r("POST", "/actions/playlists/{id}/add-entity"),
  projectTeam: r("GET", "/data/projects/{projectId}/team"),
  addTeamMember: r("POST", "/data/projects/{projectId}/team"),
  removeTeamMember: r("DELETE", "/data/projects/{projectId}/team/{personId}"),
  addProjectTaskType: r("POST", "/data/projects/{projectId}/settings/task-types"),
  addProjectTaskStatus: r("POST", "/data/projects/{projectId}/settings/task-status"),
  addProjectAssetType: r("POST", "/data/projects/{projectId}/settings/asset-types"),
  search: r("POST", "/data/search"),
  addPersonDepartment: r("POST", "/actions/persons/{personId}/departments/add"),
  removePersonDepartment: r("DELETE", "/actions/persons/{personId}/departments/{departmentId}"),
} as const satisfies Record<string, Route>;

/**
 * How a write is sent again after a network error or a 502/503/504 (transport/retry.ts runs it):
 * `idempotent` when sending it twice leaves what sending it once does, `readBack` when the client
 * first looks whether the failed attempt landed (what it finds is the answer, and the write is not
 * sent again; after a timeout, finding nothing is not proof, so the write is not sent again either).
 * A 429 or an expired token means the route did not run: those are sent again as they are.
 */
export type RetryRule = { idempotent: string } | { readBack: string };

type WriteRoute = {
  [K in keyof typeof routes]: (typeof routes)[K]["method"] extends "GET" ? never : K;
}[keyof typeof routes];

/** The retry rule of every route that writes (a GET is always sent again), with the reason or the read-back. */
export const retryRules: Record<WriteRoute, RetryRule> = {
  login: { idempotent: "a new token each time; nothing is written" },
  createModel: {
    readBack:
      "the kind's unique key, asked of the server: name (project, asset type, task type, department), short name (task status), entity + task type + name (task), project + name (playlist), email (person; a person without an email is never sent again)",
  },
  updateModel: { idempotent: "the same fields set again" },
  deleteModel: { idempotent: "the record is gone either way" },
  updateEntity: { idempotent: "the same fields set again" },
  createEpisode: { idempotent: "Zou answers the existing row for a name the project has" },
  createSequence: { idempotent: "Zou answers the existing row for a name the project (episode) has" },
  createShot: { idempotent: "Zou answers the existing row for a name the sequence has" },
  createAsset: { readBack: "project + asset type + name, asked of the server" },
  deleteShot: { idempotent: "the record is gone either way" },
  deleteAsset: { idempotent: "the record is gone either way" },
  deleteSequence: { idempotent: "the record is gone either way" },
  deleteEpisode: { idempotent: "the record is gone either way" },
  createEdit: { idempotent: "Zou answers the existing row for a name the project (episode) has" },
  createConcept: { idempotent: "Zou answers the existing row for a name the project has" },
  createScene: { idempotent: "Zou answers the existing row for a name the sequence has" },
  deleteEdit: { idempotent: "the record is gone either way" },
  deleteConcept: { idempotent: "the record is gone either way" },
  deleteScene: { idempotent: "the record is gone (or canceled) either way" },
  comment: {
    readBack:
      "the task's comments since the attempt began (Zou's clock, from the answer's Date header), matched on text, status and author (and a given date, the comment then told by its updated_at), and not already taken by a write of the session",
  },
  batchComment: {
    readBack:
      "the comment, as for `comment`; when it landed, its previews (uploaded in the same request) are read for the answer",
  },
  addPreview: {
    readBack: "the comment's previews without a file created since the attempt began, not already taken by the session",
  },
  uploadPreview: { readBack: "the preview's `original_name`, set once its file landed (Zou refuses a second upload)" },
  setMainPreview: { idempotent: "the same preview set again" },
  addAttachment: { readBack: "the comment's attachments that it did not have before the write" },
  setCasting: { idempotent: "the whole casting set again" },
  assignPerson: { idempotent: "an assignee is assigned once" },
  clearAssignation: { idempotent: "an assignee is removed once" },
  setTimeSpent: { idempotent: "the day's duration set again" },
  addTimeSpent: {
    readBack:
      "the person's row for the day, written since the attempt began, with a duration no earlier add of the session answered",
  },
  addPlaylistEntity: { idempotent: "Zou skips an (entity, preview) couple the playlist holds" },
  addTeamMember: { idempotent: "a member is added once" },
  removeTeamMember: { idempotent: "a member is removed once" },
  addProjectTaskType: { idempotent: "a link the project has is left as it is" },
  addProjectTaskStatus: { idempotent: "a link the project has is left as it is" },
  addProjectAssetType: { idempotent: "a link the project has is left as it is" },
  search: { idempotent: "a read" },
  addPersonDepartment: {
    idempotent: "Zou keeps a department once (checked on Zou 1.0.67: a second add answers the same list)",
  },
  removePersonDepartment: { idempotent: "Zou answers 204 whether or not the person was in the department" },
};

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
  "custom-actions",
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
