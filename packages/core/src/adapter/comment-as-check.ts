import { PermissionError, ValidationError } from "../errors.js";
import { dayYears, type Id } from "../schema/common.js";
import type { PersonRole } from "../schema/people.js";
import type { CommentData } from "./contract.js";

/*
 * Who may post a comment as someone else or with a past date: Zou 1.0.67 honours `person_id` and
 * `created_at` (comment and batch-comment routes) only when `has_manager_permissions()`, whose role
 * is the project's team role of the session's person when one is set (`ProjectPersonLink.role`), its
 * studio role otherwise, and never less than admin for a studio admin. From anyone else Zou drops
 * both without a word and posts as the session, now; adapters refuse before writing instead.
 */

/** The roles that may set a comment's author and date. */
const mayPostAs: ReadonlySet<PersonRole> = new Set(["admin", "manager"]);

/** The role Zou checks on a project: a studio admin stays admin; else the team role when set, else the studio role. */
export function effectiveRole(studioRole: PersonRole, projectRole?: PersonRole | null): PersonRole {
  if (studioRole === "admin") return "admin";
  return projectRole ?? studioRole;
}

/** What a comment asks beyond a plain post: the fields only an admin or manager may set. */
export function commentAsFields(
  data: Pick<CommentData, "authorId" | "createdAt">,
  sessionPersonId?: Id | null,
): string[] {
  const fields: string[] = [];
  if (data.authorId !== undefined && data.authorId !== sessionPersonId) fields.push("author");
  if (data.createdAt !== undefined) fields.push("createdAt");
  return fields;
}

/**
 * PermissionError when a comment sets an author other than the session's person, or a date, from a
 * session whose role on the task's project (`effectiveRole`) is not admin or manager.
 */
export function checkCommentAs(
  taskId: Id,
  data: Pick<CommentData, "authorId" | "createdAt">,
  session: { personId: Id | null; role: PersonRole },
): void {
  const fields = commentAsFields(data, session.personId);
  if (fields.length > 0 && !mayPostAs.has(session.role)) throw PermissionError.commentAs(taskId, fields, session.role);
}

/**
 * A comment date as trackers keep it: whole seconds of UTC (Zou's `created_at` format is
 * `%Y-%m-%d %H:%M:%S`). ValidationError unless a valid Date from 1900 to 2999; a future date is
 * accepted, as Zou accepts it (the comment is then the task's last until that date).
 */
export function commentDate(value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw ValidationError.commentDate(value);
  const year = value.getUTCFullYear();
  if (year < dayYears.min || year > dayYears.max) throw ValidationError.commentDate(value);
  return new Date(Math.floor(value.getTime() / 1000) * 1000);
}

/**
 * Gadget's order of a task's comments, on every tracker: newest `createdAt` first; comments with the
 * same `createdAt` (a date given to the second) come latest posted first, which `postedLater` tells.
 * Zou orders by `created_at` only and returns equal dates in no fixed order.
 */
export function compareComments<C extends { createdAt: Date; id: string }>(
  postedLater: (a: C, b: C) => number,
): (a: C, b: C) => number {
  return (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || postedLater(a, b);
}
