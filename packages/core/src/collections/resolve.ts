import { AmbiguousError, isTrackerError, kindLabel, NotFoundError, ValidationError } from "../errors.js";
import { getId, type IdLike, kindOf, ref } from "../ids.js";
import type { AnyEntity } from "../model/entity.js";
import { asId, type Id } from "../schema/common.js";
import { type Kind, kindNames, kinds } from "../schema/kinds.js";
import type { SessionContext } from "../session/session-context.js";
import { fetchAll, fetchByName } from "./fetch.js";
import type { RefInput } from "./query.js";

/*
 * Turns what a TD writes for a relation (a name, an id, an entity) into an id. Names are looked up
 * within the project when the kind belongs to one, studio-wide otherwise; statuses also match
 * their short name, persons their login and e-mail. What the session already holds is checked
 * for free: an entity (or a known id) of another kind or of another project is refused here.
 */

export const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** The entity the session holds for an id, of any kind: what a bare id is known as. */
export function knownAs(context: SessionContext, id: string): AnyEntity | undefined {
  for (const kind of kindNames) {
    const entity = context.identity.peek(kind, id);
    if (entity) return entity;
  }
  return undefined;
}

/** NotFoundError when `entity` belongs to another project than `projectId` (Zou answers 404 as well). */
export function checkSameProject(context: SessionContext, entity: unknown, projectId: Id | undefined): void {
  const kind = kindOf(entity);
  if (projectId === undefined || kind === undefined || !hasProject(kind)) return;
  const own = (entity as { projectId?: unknown }).projectId;
  if (typeof own === "string" && own !== projectId) {
    throw NotFoundError.inProject(kind, (entity as AnyEntity).id, scopeLabel(context, kind, projectId));
  }
}

/**
 * The id of a bare id string the session may know: a record of another kind than `target` is a
 * ValidationError, one of another project a NotFoundError.
 */
function knownId(context: SessionContext, target: readonly Kind[], id: string, where: string, projectId?: Id): Id {
  const known = knownAs(context, id);
  if (known && !target.includes(known.kind)) throw ValidationError.idOfKind(where, target.join(" or "), id, known.kind);
  if (known) checkSameProject(context, known, projectId);
  return asId(id);
}

/**
 * The id of a relation value. `target` lists the kinds accepted; strings are names for a single
 * kind, ids for a relation that may point to several kinds (`task.entity`). With `projectId`, a
 * record the session knows to be of another project is refused.
 */
export async function resolveRef(
  context: SessionContext,
  target: Kind | readonly Kind[],
  value: RefInput,
  where: string,
  projectId?: Id,
): Promise<Id> {
  const targets: readonly Kind[] = typeof target === "string" ? [target] : target;
  if (typeof value !== "string") {
    const id = ref(value as IdLike, target, where);
    if (kindOf(value)) checkSameProject(context, value, projectId);
    else knownId(context, targets, id, where, projectId);
    return id;
  }
  if (value.trim() === "") throw ValidationError.notAnId("an empty string", where);
  if (typeof target !== "string") return knownId(context, targets, getId(value, where), where, projectId);
  if (uuidLike.test(value) || context.identity.peek(target, value))
    return knownId(context, targets, value, where, projectId);
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

/**
 * The entity a reference id points to, through the session (the identity map first): one of
 * `target` kinds, or a NotFoundError naming `where` and the id. An id the session holds as another
 * kind is a ValidationError, without a request.
 */
export async function loadReference(
  context: SessionContext,
  target: readonly Kind[],
  id: Id,
  where: string,
): Promise<AnyEntity> {
  for (const kind of target) {
    const entity = context.identity.peek(kind, id);
    if (entity) return entity;
  }
  knownId(context, target, id, where);
  for (const kind of target) {
    try {
      return await context.load(kind, id);
    } catch (error) {
      if (!isTrackerError(error) || (error.code !== "NOT_FOUND" && error.code !== "VALIDATION")) throw error;
    }
  }
  throw NotFoundError.reference(where, target.map(kindLabel).join(" or "), id);
}
