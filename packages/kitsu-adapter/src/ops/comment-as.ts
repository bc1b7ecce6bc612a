import {
  type CommentData,
  checkCommentAs,
  commentDate,
  effectiveRole,
  type Id,
  PermissionError,
  type PersonRole,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { formatZouTime } from "../events/zou-time.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";
import { checkId } from "./validate.js";
import { sessionUser } from "./write-attempt.js";

/*
 * Posting as someone else or with a date (core's checkCommentAs has the rule): Zou drops `person_id`
 * and `created_at` without a word unless the session's role on the task's project is admin or
 * manager, so the adapter reads that role before the write (the session's person once per session;
 * for a non-admin, the task's project team, whose `project_role` overrides the studio role) and
 * checks the answer after it.
 */

/** The comment fields Zou reads for the author and the date, after the role check; `{}` for a plain comment. */
export async function commentAsBody(ctx: OpsContext, taskId: Id, data: CommentData): Promise<Record<string, string>> {
  if (data.authorId === undefined && data.createdAt === undefined) return {};
  if (data.authorId !== undefined) checkId(data.authorId, "person");
  const createdAt = data.createdAt === undefined ? undefined : commentDate(data.createdAt);
  const user = await sessionUser(ctx.client);
  const role = await projectRole(ctx, taskId, user);
  checkCommentAs(taskId, data, { personId: user.id as Id, role });
  return {
    ...(data.authorId !== undefined ? { person_id: data.authorId } : {}),
    ...(createdAt ? { created_at: formatZouTime(createdAt) } : {}),
  };
}

async function projectRole(ctx: OpsContext, taskId: Id, user: { id: string; role: string }): Promise<PersonRole> {
  const studioRole = user.role as PersonRole;
  if (studioRole === "admin") return "admin";
  const task = await ctx.client.request<KitsuRow>({
    method: "GET",
    path: path(routes.getModel, { model: "tasks", id: taskId }),
  });
  const team = await ctx.client.request<KitsuRow[]>({
    method: "GET",
    path: path(routes.projectTeam, { projectId: String(task.project_id) }),
  });
  const member = team.find((row) => row.id === user.id);
  return effectiveRole(studioRole, (member?.project_role as PersonRole | null | undefined) ?? null);
}

/** After the write: an author or date Zou did not keep means it dropped them (the role changed since the check). */
export function checkCommentAsWritten(taskId: Id, data: CommentData, row: KitsuRow): void {
  const dropped: string[] = [];
  if (data.authorId !== undefined && String(row.person_id) !== data.authorId) dropped.push("author");
  if (data.createdAt !== undefined && row.created_at !== formatZouTime(commentDate(data.createdAt))) {
    dropped.push("createdAt");
  }
  if (dropped.length > 0) throw PermissionError.commentAsIgnored(taskId, String(row.id), dropped);
}
