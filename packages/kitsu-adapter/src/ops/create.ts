import {
  ConflictError,
  type CreatableKind,
  type CreateData,
  type Id,
  type RecordOf,
  ValidationError,
} from "@gadget/core";
import { forShotsToForEntity } from "../codec/tasks.js";
import type { KitsuRow } from "../codec/values.js";
import { path, type Route, routes } from "../routes.js";
import type { ReadBack } from "../transport/request-spec.js";
import { cachedRecords } from "./cached-query.js";
import type { OpsContext } from "./context.js";
import { deriveNbFrames, encodeEntityData, encodeFields } from "./encode.js";
import { entityForTaskType } from "./entity-lookup.js";
import { kindSpecs } from "./kind-specs.js";
import { getOne, queryAll } from "./query.js";
import { isCachedKind } from "./reference.js";
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

/** Finds an existing record with exactly this name in the scope (ILIKE server filter, exact check here). */
async function existing<K extends CreatableKind>(ctx: OpsContext, kind: K, where: Record<string, unknown>) {
  const found = await queryAll(ctx, kind, where as never);
  return found[0];
}

/** Reads a create back by its unique key: the row a failed attempt created, if it did. */
const readBackBy =
  <K extends CreatableKind>(ctx: OpsContext, kind: K, where: Record<string, unknown>): ReadBack<KitsuRow> =>
  async () => {
    // The session's list of this kind was read before the write: only the server knows whether it landed.
    if (isCachedKind(kind)) ctx.ref.invalidate(kind);
    const found = await existing(ctx, kind, where);
    return found ? (found.raw as KitsuRow) : undefined;
  };

export interface CreateOptions {
  /** The caller already checked that no record of this name exists (createMany's one lookup). */
  prechecked?: boolean;
}

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
    const row = await createRow(ctx, kind, input, options.prechecked === true);
    const [record] = await kindSpecs[kind].decode([row], ctx.ref);
    if (!record) return getOne(ctx, kind, row.id as Id);
    return record as RecordOf<K>;
  } catch (error) {
    if (error instanceof ValidationError && duplicate.test(error.message) && error.request?.status === 400) {
      throw ConflictError.duplicateName(kind, String(input.name ?? input.email ?? ""), scopeOf(input), error.request);
    }
    throw error;
  }
}

const scopeOf = (input: Input) =>
  input.sequenceId ? `sequence ${input.sequenceId}` : input.projectId ? `project ${input.projectId}` : "the studio";

async function guard(
  prechecked: boolean,
  ctx: OpsContext,
  kind: CreatableKind,
  where: Record<string, unknown>,
  input: Input,
) {
  if (prechecked) return;
  if (await existing(ctx, kind, where)) throw ConflictError.duplicateName(kind, String(input.name), scopeOf(input));
}

async function createRow(ctx: OpsContext, kind: CreatableKind, input: Input, prechecked: boolean): Promise<KitsuRow> {
  const name = input.name;
  switch (kind) {
    case "project": {
      await guard(prechecked, ctx, kind, { name }, input);
      return post(
        ctx,
        routes.createModel,
        { model: "projects" },
        { ...encodeFields(input), data: input.customData },
        readBackBy(ctx, kind, { name }),
      );
    }
    case "episode":
    case "sequence":
    case "shot": {
      // Zou answers an existing name with the existing row and 201: look first so a duplicate is a conflict.
      const scope =
        kind === "shot"
          ? { projectId: input.projectId, sequenceId: input.sequenceId, name }
          : kind === "sequence"
            ? { projectId: input.projectId, episodeId: input.episodeId ?? null, name }
            : { projectId: input.projectId, name };
      await guard(prechecked, ctx, kind, scope, input);
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
      const scope = { projectId: input.projectId, assetTypeId: input.assetTypeId, name };
      await guard(prechecked, ctx, kind, scope, input);
      const body = {
        name,
        description: input.description ?? undefined,
        data: input.customData ?? {},
        is_shared: false,
        episode_id: input.episodeId ?? undefined,
      };
      const params = { projectId: String(input.projectId), assetTypeId: String(input.assetTypeId) };
      return post(ctx, routes.createAsset, params, body, readBackBy(ctx, kind, scope));
    }
    case "assetType": {
      await guard(prechecked, ctx, kind, { name }, input);
      ctx.ref.invalidate("assetType");
      return post(
        ctx,
        routes.createModel,
        { model: "entity-types" },
        encodeFields(input),
        readBackBy(ctx, kind, { name }),
      );
    }
    case "task":
      return createTask(ctx, input);
    case "taskType": {
      await guard(prechecked, ctx, kind, { name }, input);
      ctx.ref.invalidate("taskType");
      const { forShots, ...rest } = input;
      const body = { ...encodeFields(rest), for_entity: forShotsToForEntity(forShots === true) };
      return post(ctx, routes.createModel, { model: "task-types" }, body, readBackBy(ctx, kind, { name }));
    }
    case "taskStatus": {
      ctx.ref.invalidate("taskStatus");
      const body = { color: "#f5f5f5", ...encodeFields(input) };
      const where = { shortName: input.shortName };
      return post(ctx, routes.createModel, { model: "task-status" }, body, readBackBy(ctx, kind, where));
    }
    case "person": {
      const body = { role: "user", ...encodeFields(input), data: input.customData };
      const readBack = input.email ? readBackBy(ctx, kind, { email: input.email }) : undefined;
      return post(ctx, routes.createModel, { model: "persons" }, body, readBack);
    }
    case "department": {
      await guard(prechecked, ctx, kind, { name }, input);
      const body = { color: "#999999", ...encodeFields(input) };
      return post(ctx, routes.createModel, { model: "departments" }, body, readBackBy(ctx, kind, { name }));
    }
    case "playlist": {
      const scope = { projectId: input.projectId, name };
      await guard(prechecked, ctx, kind, scope, input);
      const body = { for_entity: "shot", for_client: false, is_for_all: false, ...encodeFields(input) };
      return post(ctx, routes.createModel, { model: "playlists" }, body, readBackBy(ctx, kind, scope));
    }
  }
}

async function createTask(ctx: OpsContext, input: Input): Promise<KitsuRow> {
  const entityId = checkId(String(input.entityId), "task entityId");
  const taskTypeId = checkId(String(input.taskTypeId), "task taskTypeId");
  const entity = await entityForTaskType(ctx, entityId, taskTypeId);
  const statusId = input.statusId ?? (await cachedRecords(ctx, "taskStatus")).find((s) => s.isDefault)?.id;
  const name = typeof input.name === "string" ? input.name : "main";
  const body = {
    ...encodeFields({ ...input, name }),
    project_id: entity.project_id,
    task_status_id: statusId,
    assignees: input.assigneeIds ?? [],
    data: input.customData,
  };
  const where = { entityId, taskTypeId, name };
  return post(ctx, routes.createModel, { model: "tasks" }, body, readBackBy(ctx, "task", where));
}
