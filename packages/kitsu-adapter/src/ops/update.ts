import {
  ConflictError,
  type CustomData,
  type Id,
  type RecordOf,
  type UpdatableKind,
  type UpdateData,
  ValidationError,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { deriveNbFrames, encodeEntityData, encodeFields, encodeProjectFields } from "./encode.js";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { checkPersonPatch, checkPersonWritten } from "./person-write.js";
import { getOne } from "./query.js";
import { checkId } from "./validate.js";

type Input = Record<string, unknown>;

const entityKinds = new Set<UpdatableKind>(["episode", "sequence", "shot", "asset", "edit", "concept", "scene"]);
/** Kinds whose PUT answer lacks relation arrays (team, assignees, previews...): read back after writing. */
const readBack = new Set<UpdatableKind>(["project", "task", "person", "comment", "preview"]);

export async function update<K extends UpdatableKind>(
  ctx: OpsContext,
  kind: K,
  id: Id,
  patch: UpdateData<K>,
): Promise<RecordOf<K>> {
  checkId(id, kind);
  const input = patch as Input;
  const spec = kindSpecs[kind];
  if (kind === "person") await checkPersonPatch(ctx, id, input);
  let row: KitsuRow;
  try {
    if (entityKinds.has(kind)) {
      // PUT data/entities merges `data` key by key on the server: one request, no read-modify-write.
      const body: Input = encodeFields(input);
      delete body.nb_frames;
      const data = encodeEntityData(input, kind === "shot");
      if (data) body.data = data;
      if (kind === "shot") {
        const nb = deriveNbFrames(input);
        if (nb !== undefined) body.nb_frames = nb;
      }
      row = await put(ctx, path(routes.updateEntity, { id }), body);
    } else {
      row = await put(ctx, path(routes.updateModel, { model: spec.model, id }), await body(ctx, kind, id, input));
    }
  } catch (error) {
    if (error instanceof ValidationError && /already exists/i.test(error.message) && typeof input.name === "string") {
      throw ConflictError.duplicateName(
        kind,
        input.name,
        `its ${kind === "shot" ? "sequence" : "parent"}`,
        error.request,
      );
    }
    throw error;
  }
  if (kind === "taskType" || kind === "taskStatus" || kind === "assetType") ctx.ref.invalidate(kind);
  if (kind === "person") {
    const after = await getOne(ctx, "person", id);
    checkPersonWritten(id, input, after);
    return after as RecordOf<K>;
  }
  if (readBack.has(kind)) return getOne(ctx, kind, id);
  const [record] = await spec.decode([row], ctx.ref);
  return record ?? getOne(ctx, kind, id);
}

const put = (ctx: OpsContext, p: string, json: Input) => ctx.client.request<KitsuRow>({ method: "PUT", path: p, json });

async function body(ctx: OpsContext, kind: UpdatableKind, id: Id, input: Input): Promise<Input> {
  const out = kind === "project" ? encodeProjectFields(input) : encodeFields(input);
  if (input.customData !== undefined) {
    // Only entities and tasks merge `data` on the server; elsewhere a PUT replaces it, so merge here.
    if (kind === "task") out.data = input.customData;
    else out.data = { ...(await currentData(ctx, kind, id)), ...(input.customData as CustomData) };
  }
  if (kind === "project" && input.status !== undefined) {
    const names = await ctx.ref.projectStatusNames();
    const wanted = input.status === "closed" ? "closed" : "open";
    const statusId = [...names].find(([, name]) => name.toLowerCase() === wanted)?.[0];
    if (statusId) out.project_status_id = statusId;
  }
  if (kind === "comment" && Array.isArray(input.checklist)) {
    out.checklist = (input.checklist as Input[]).map((item) => ({
      text: item.text,
      checked: item.checked === true,
      frame: item.frame ?? -1,
      revision: item.revision ?? -1,
    }));
  }
  return out;
}

async function currentData(ctx: OpsContext, kind: UpdatableKind, id: Id): Promise<CustomData> {
  const row = await ctx.client.request<KitsuRow>({
    method: "GET",
    path: path(routes.getModel, { model: kindSpecs[kind].model, id }),
  });
  const data = row.data;
  return typeof data === "object" && data !== null ? (data as CustomData) : {};
}
