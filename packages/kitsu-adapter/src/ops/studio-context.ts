import { PermissionError } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { KitsuClient } from "../transport/client.js";

/** Reference lists the session keeps; each is one crud list when it has to be read alone. */
export type StudioList = "task-types" | "task-status" | "entity-types" | "departments" | "project-status";

/** `GET data/user/context` keys (zou.md §2.16) per list; entity types come as `asset_types` (asset types only). */
const contextKeys: Record<StudioList, string> = {
  "task-types": "task_types",
  "task-status": "task_status",
  "entity-types": "asset_types",
  departments: "departments",
  "project-status": "project_status",
};

export interface StudioContext {
  lists: Partial<Record<StudioList, KitsuRow[]>>;
  /** Open projects with their relations, when the answer carried whole project rows. */
  projects: KitsuRow[] | undefined;
}

const rowsOf = (value: unknown): KitsuRow[] | undefined =>
  Array.isArray(value) && value.every((r) => typeof r === "object" && r !== null && typeof r.id === "string")
    ? (value as KitsuRow[])
    : undefined;

/**
 * A project row good enough to stand for `GET data/projects/<id>`: Zou's context sends open projects
 * "enriched" (relations included); a row without its columns and relations is not used.
 */
const isWholeProject = (row: KitsuRow): boolean =>
  typeof row.name === "string" &&
  typeof row.production_type === "string" &&
  typeof row.created_at === "string" &&
  Array.isArray(row.task_statuses) &&
  Array.isArray(row.task_types);

/**
 * Everything a person's session boots with, in ONE request. Bots get 403 there (recorded 025):
 * the answer is then `undefined` and the caller reads the lists one by one.
 */
export async function loadStudioContext(client: KitsuClient): Promise<StudioContext | undefined> {
  if (client.auth.isBot) return undefined;
  let answer: Record<string, unknown>;
  try {
    answer = await client.request<Record<string, unknown>>({ method: "GET", path: path(routes.userContext, {}) });
  } catch (error) {
    if (error instanceof PermissionError) return undefined;
    throw error;
  }
  const lists: StudioContext["lists"] = {};
  for (const [list, key] of Object.entries(contextKeys) as [StudioList, string][]) {
    const rows = rowsOf(answer?.[key]);
    if (rows) lists[list] = rows;
  }
  const projects = rowsOf(answer?.projects);
  return { lists, projects: projects?.every(isWholeProject) ? projects : undefined };
}
