import { AmbiguousError, isTrackerError, NotFoundError } from "../errors.js";
import { getId, type IdLike, ref } from "../ids.js";
import type { AnyEntity } from "../model/entity.js";
import { asId, type Id } from "../schema/common.js";
import { type Kind, kinds } from "../schema/kinds.js";
import type { SessionContext } from "../session/session-context.js";
import { fetchAll, fetchByName } from "./fetch.js";
import type { RefInput } from "./query.js";

/*
 * Turns what a TD writes for a relation (a name, an id, an entity) into an id. Names are looked up
 * within the project when the kind belongs to one, studio-wide otherwise; statuses also match
 * their short name, persons their login and e-mail.
 */

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function hasProject(kind: Kind): boolean {
  return Object.hasOwn(kinds[kind].record.shape, "projectId");
}

/** `project "Bunny"` or `the studio`, for messages. */
export function scopeLabel(context: SessionContext, kind: Kind, projectId?: Id): string {
  if (projectId === undefined || !hasProject(kind)) return "the studio";
  const project = context.identity.peek("project", projectId);
  return project ? `project "${project.name}"` : `project ${projectId}`;
}

/** Task statuses matching a short name or name: exact first, then ignoring case. */
export function matchStatus<S extends { shortName: string; name: string }>(statuses: readonly S[], value: string): S[] {
  const exact = statuses.filter((s) => s.shortName === value || s.name === value);
  if (exact.length > 0) return exact;
  const lower = value.toLowerCase();
  return statuses.filter((s) => s.shortName.toLowerCase() === lower || s.name.toLowerCase() === lower);
}

async function byName(context: SessionContext, kind: Kind, name: string, projectId?: Id): Promise<AnyEntity[]> {
  if (kind === "taskStatus") return matchStatus(await fetchAll(context, "taskStatus", {}), name);
  const where: Record<string, unknown> = { name };
  if (projectId !== undefined && hasProject(kind)) where.projectId = projectId;
  const found = await fetchByName(context, kind, where);
  if (found.length > 0 || kind !== "person") return found;
  const byLogin = await fetchAll(context, "person", { desktopLogin: name });
  return byLogin.length > 0 ? byLogin : fetchAll(context, "person", { email: name });
}

/**
 * The id of a relation value. `target` lists the kinds accepted; strings are names for a single
 * kind, ids for a relation that may point to several kinds (`task.entity`).
 */
export async function resolveRef(
  context: SessionContext,
  target: Kind | readonly Kind[],
  value: RefInput,
  where: string,
  projectId?: Id,
): Promise<Id> {
  if (typeof value !== "string") return ref(value as IdLike, target, where);
  if (typeof target !== "string") return getId(value, where);
  if (uuidLike.test(value) || context.identity.peek(target, value)) return asId(value);
  const matches = await byName(context, target, value, projectId);
  const [only] = matches;
  if (matches.length === 1 && only) return only.id;
  const scope = scopeLabel(context, target, projectId);
  if (matches.length > 1) {
    throw AmbiguousError.query(
      target,
      { name: value },
      scope,
      matches.map((m) => m.id),
    );
  }
  // Not a name: it may still be an id of a tracker whose ids are not UUIDs.
  try {
    return (await context.load(target, asId(value))).id;
  } catch (error) {
    if (isTrackerError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) {
      throw NotFoundError.query(target, { name: value }, scope);
    }
    throw error;
  }
}
