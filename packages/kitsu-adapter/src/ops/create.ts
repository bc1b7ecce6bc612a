import {
  ConflictError,
  type CreatableKind,
  type CreateData,
  checkTaskTypeFits,
  checkUnique,
  forEntityOf,
  type Id,
  type RecordFields,
  type RecordOf,
  type TaskEntityKind,
  uniqueConflict,
  uniqueIdentity,
  uniqueLookups,
  ValidationError,
  zouForEntity,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, type Route, routes } from "../routes.js";
import type { ReadBack } from "../transport/request-spec.js";
import { cachedRecords } from "./cached-query.js";
import { createEditConceptScene } from "./create-edit-concept-scene.js";
import { deriveNbFrames, encodeEntityData, encodeFields, encodeProjectFields } from "./encode.js";
import { entityForTaskType } from "./entity-lookup.js";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { getOne, queryAll } from "./query.js";
import { isCachedKind } from "./reference.js";
import { createQueue, recordKey } from "./same-record-queue.js";
import { checkId } from "./validate.js";

type Input = Record<string, unknown>;

/** Zou's duplicate answers (400) on creates: the contract calls them conflicts. */
const duplicate = /already exists|already in use|similar name/i;

/** A create Zou does not make idempotent: after a failed attempt it is sent again only once `readBack` found nothing. */
async function post(
  ctx: OpsContext,
  route: Route,
  params: Record<string, string>,
  json: unknown,
  readBack?: ReadBack<KitsuRow>,
) {
  return ctx.client.request<KitsuRow>({ method: "POST", path: path(route, params), json, readBack });
}

/** Every record a where matches (Zou's name filter is ILIKE: the rules compare exactly). */
export const lookupIn =
  (ctx: OpsContext, kind: CreatableKind) =>
  async (where: Record<string, unknown>): Promise<RecordFields[]> =>
    queryAll(ctx, kind, where as never);

/**
 * After a create whose answer was lost: the row holding the input's first unique key, if the
 * create landed (none for kinds without one: such a POST is not replayed blindly either).
 */
function landedBy(ctx: OpsContext, kind: CreatableKind, input: Input): ReadBack<KitsuRow> | undefined {
  const key = ctx.rules[kind].unique[0];
  const identity = key && uniqueIdentity(key, input, ctx.rules[kind].createDefaults);
  const [where] = uniqueLookups(ctx.rules, kind, [input]);
  if (!key || identity === undefined || !where) return undefined;
  return async () => {
    // The session's list of this kind was read before the write: only the server knows whether it landed.
    if (isCachedKind(kind)) ctx.ref.invalidate(kind);
    const found = (await lookupIn(ctx, kind)(where)).find((record) => uniqueIdentity(key, record) === identity);
    return found ? (found.raw as KitsuRow) : undefined;
  };
}

/** A duplicate Zou refused (400), as the conflict on the input's first unique key. */
function conflictOf(ctx: OpsContext, kind: CreatableKind, input: Input, error: ValidationError): ConflictError {
  const { unique, createDefaults: defaults } = ctx.rules[kind];
  const key = unique.find((k) => uniqueIdentity(k, input, defaults) !== undefined);
  if (!key) return ConflictError.http(error.request ?? { method: "POST", path: "" }, error.message);
  return uniqueConflict(kind, key, input, { defaults, request: error.request });
}

export interface CreateOptions {
  /** The caller already checked the batch against the tracker's unique keys (createMany's lookups). */
  prechecked?: boolean;
}

/**
 * Creates a record once the rules' unique keys were checked against Zou (which dedupes shots,
 * sequences and episodes silently and does not check assets at all, zou.md §3).
 */
export async function create<K extends CreatableKind>(
  ctx: OpsContext,
  kind: K,
  data: CreateData<K>,
  options: CreateOptions = {},
): Promise<RecordOf<K>> {
  const input = data as Input;
  for (const [key, value] of Object.entries(input))
    if (/Id$/.test(key) && typeof value === "string") checkId(value, `${kind} ${key}`);
  try {
    // The check runs inside the queue: a create of the same record in flight must have landed first.
    const row = await createQueue(ctx.client).run(recordKey(kind, input), async () => {
      if (options.prechecked !== true) await checkUnique(ctx.rules, kind, [input], lookupIn(ctx, kind));
      return createRow(ctx, kind, input);
    });
    const [record] = await kindSpecs[kind].decode([row], ctx.ref);
    if (!record) return getOne(ctx, kind, row.id as Id);
    return record as RecordOf<K>;
  } catch (error) {
    if (error instanceof ValidationError && duplicate.test(error.message) && error.request?.status === 400) {
      throw conflictOf(ctx, kind, input, error);
    }
    throw error;
  }
}

async function createRow(ctx: OpsContext, kind: CreatableKind, input: Input): Promise<KitsuRow> {
  const name = input.name;
  switch (kind) {
    case "project":
      return post(
        ctx,
        routes.createModel,
        { model: "projects" },
        { ...encodeProjectFields(input), data: input.customData },
        landedBy(ctx, kind, input),
      );
    case "episode":
    case "sequence":
    case "shot": {
      const route =
        kind === "shot" ? routes.createShot : kind === "sequence" ? routes.createSequence : routes.createEpisode;
      const body: Input = {
        name,
        description: input.description ?? undefined,
        data: encodeEntityData(input, kind === "shot"),
      };
      if (kind === "shot") {
        body.sequence_id = input.sequenceId;
        body.nb_frames = deriveNbFrames(input);
      }
      if (kind === "sequence" && input.episodeId) body.episode_id = input.episodeId;
      // Idempotent on Zou's side (same name → same row), so a retry cannot duplicate.
      return ctx.client.request<KitsuRow>({
        method: "POST",
        path: path(route, { projectId: String(input.projectId) }),
        json: body,
        idempotent: true,
      });
    }
    case "asset": {
      const body = {
        name,
        description: input.description ?? undefined,
        data: input.customData ?? {},
        is_shared: false,
        episode_id: input.episodeId ?? undefined,
      };
      const params = { projectId: String(input.projectId), assetTypeId: String(input.assetTypeId) };
      return post(ctx, routes.createAsset, params, body, landedBy(ctx, kind, input));
    }
    case "assetType": {
      ctx.ref.invalidate("assetType");
      return post(ctx, routes.createModel, { model: "entity-types" }, encodeFields(input), landedBy(ctx, kind, input));
    }
    case "task":
      return createTask(ctx, input);
    case "taskType": {
      ctx.ref.invalidate("taskType");
      const { forShots, forEntity, ...rest } = input;
      const kindFor = forEntityOf({
        forShots: forShots as boolean | undefined,
        forEntity: forEntity as TaskEntityKind | undefined,
      });
      const body = { ...encodeFields(rest), for_entity: zouForEntity(kindFor ?? "shot") };
      return post(ctx, routes.createModel, { model: "task-types" }, body, landedBy(ctx, kind, input));
    }
    case "taskStatus": {
      ctx.ref.invalidate("taskStatus");
      const body = { color: "#f5f5f5", ...encodeFields(input) };
      return post(ctx, routes.createModel, { model: "task-status" }, body, landedBy(ctx, kind, input));
    }
    case "person": {
      const body = { role: "user", ...encodeFields(input), data: input.customData };
      return post(ctx, routes.createModel, { model: "persons" }, body, landedBy(ctx, kind, input));
    }
    case "department": {
      const body = { color: "#999999", ...encodeFields(input) };
      return post(ctx, routes.createModel, { model: "departments" }, body, landedBy(ctx, kind, input));
    }
    case "edit":
    case "concept":
    case "scene":
      return createEditConceptScene(ctx, kind, input);
    case "playlist": {
      const body = { for_entity: "shot", for_client: false, is_for_all: false, ...encodeFields(input) };
      return post(ctx, routes.createModel, { model: "playlists" }, body, landedBy(ctx, kind, input));
    }
  }
}

/** Checks the task type against its entity's kind first (the same rule Zou applies, answered the same way everywhere). */
async function createTask(ctx: OpsContext, input: Input): Promise<KitsuRow> {
  const entityId = checkId(String(input.entityId), "task entityId");
  const taskTypeId = checkId(String(input.taskTypeId), "task taskTypeId");
  const entity = await entityForTaskType(ctx, entityId, taskTypeId);
  const taskType = (await cachedRecords(ctx, "taskType")).find((t) => t.id === taskTypeId);
  if (taskType) checkTaskTypeFits(taskType, entity.kind);
  const statusId = input.statusId ?? (await cachedRecords(ctx, "taskStatus")).find((s) => s.isDefault)?.id;
  const name = typeof input.name === "string" ? input.name : ctx.rules.task.createDefaults.name;
  const body = {
    ...encodeFields({ ...input, name }),
    project_id: entity.row.project_id,
    task_status_id: statusId,
    assignees: input.assigneeIds ?? [],
    data: input.customData,
  };
  return post(ctx, routes.createModel, { model: "tasks" }, body, landedBy(ctx, "task", input));
}
