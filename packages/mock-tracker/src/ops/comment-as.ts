import { type CommentData, checkCommentAs, commentDate, effectiveRole, type Id } from "@gadget/core/adapter";
import type { Studio } from "../studio/studio.js";

/**
 * Kitsu's rule for a comment's author and date, on the mock: the session acts as its person
 * (`studio.sessionPersonId`), whose studio role decides (the mock keeps no per-project roles); a
 * studio without a session person (bare) acts as an admin. Returns the data with its date kept to
 * the second, as Zou keeps it.
 */
export function checkMockCommentAs<D extends Pick<CommentData, "authorId" | "createdAt">>(
  studio: Studio,
  taskId: Id,
  data: D,
): D {
  const personId = studio.sessionPerson();
  const role = personId ? effectiveRole(studio.require("person", personId).role) : "admin";
  checkCommentAs(taskId, data, { personId, role });
  return data.createdAt === undefined ? data : { ...data, createdAt: commentDate(data.createdAt) };
}
