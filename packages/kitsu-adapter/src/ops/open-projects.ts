import type { ProjectRecord, Where } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { decodeProjects } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { matches } from "./record-match.js";

/**
 * The open projects a lookup by name finds, in one request: `GET data/projects/open?name=` (exact
 * name; zou.md §2.3) answers whole rows with their relations, and open by definition, so decoding
 * them needs no project-status table. Empty when the project is closed or missing: the caller then
 * asks the crud list, which has every project.
 */
export async function openProjectsNamed(ctx: OpsContext, where: Where<"project">): Promise<ProjectRecord[]> {
  if (typeof where.name !== "string") return [];
  const rows = await ctx.client.request<KitsuRow[]>({
    method: "GET",
    path: path(routes.openProjects, {}),
    searchParams: { name: where.name },
  });
  return decodeProjects(rows, () => "Open", ctx.ref).filter((r) => matches(r, where));
}
