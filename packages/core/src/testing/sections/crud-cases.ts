import type { Capability } from "../../adapter/capabilities.js";
import type { CreatableKind, CreateData, RecordOf, UpdatableKind, UpdateData } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";

/** How the CRUD section exercises one kind. */
export interface CrudCase<K extends CreatableKind & UpdatableKind> {
  kind: K;
  /** Skip when the adapter lacks it. */
  capability?: Capability;
  /** The create input (parents built on the way). */
  input: (ctx: ComplianceContext) => Promise<CreateData<K>>;
  /** What the fresh record must hold beyond the input (derived fields). */
  expectCreated?: (record: RecordOf<K>, input: CreateData<K>) => Record<string, unknown>;
  patch: (ctx: ComplianceContext) => UpdateData<K>;
  /** Keys besides the patched ones that a patch changes by definition (a person's `name`). */
  derived?: readonly string[];
  /** What a caller does before removing (Kitsu deletes closed projects only). */
  beforeRemove?: (ctx: ComplianceContext, record: RecordOf<K>) => Promise<void>;
}

/** Keeps K generic per case: an array literal of cases would collapse K into the union. */
const crudCase = <K extends CreatableKind & UpdatableKind>(c: CrudCase<K>): CrudCase<K> => c;

export const projectCase = crudCase({
  kind: "project",
  input: async (ctx) => ({ name: `Gadget CRUD ${ctx.suffix}`, productionType: "short", description: "first" }),
  patch: () => ({ description: "second" }),
  beforeRemove: async (ctx, record) => {
    await ctx.adapter.update("project", record.id, { status: "closed" });
  },
});

export const episodeCase = crudCase({
  kind: "episode",
  capability: "episodes",
  input: async (ctx) => {
    const show = await ctx.adapter.create("project", { name: `Gadget TV ${ctx.suffix}`, productionType: "tvshow" });
    ctx.trackProject(show.id);
    return { name: "E_gadget", projectId: show.id, description: "pilot" };
  },
  patch: () => ({ description: "pilot, recut" }),
});

export const sequenceCase = crudCase({
  kind: "sequence",
  input: async (ctx) => ({ name: ctx.name("sq"), projectId: ctx.fx.project.id, description: "first" }),
  patch: () => ({ description: "second" }),
});

export const shotCase = crudCase({
  kind: "shot",
  input: async (ctx) => ({
    name: ctx.name("sh"),
    projectId: ctx.fx.project.id,
    sequenceId: ctx.fx.sequence.id,
    frameIn: 1001,
    frameOut: 1048,
    customData: { cam: "A" },
  }),
  // Kitsu counts both ends: 1001..1048 is 48 frames (recorded 109).
  expectCreated: (_r, input) => ({ frameIn: 1001, frameOut: 1048, nbFrames: 48, sequenceId: input.sequenceId }),
  patch: () => ({ description: "second" }),
});

export const assetTypeCase = crudCase({
  kind: "assetType",
  input: async (ctx) => ({ name: `Gadget Props ${ctx.suffix}` }),
  patch: () => ({ description: "small things" }),
});

export const assetCase = crudCase({
  kind: "asset",
  input: async (ctx) => ({
    name: ctx.name("asset"),
    projectId: ctx.fx.project.id,
    assetTypeId: ctx.fx.assetType.id,
    description: "first",
    customData: { variant: "default" },
  }),
  expectCreated: (_r, input) => ({ assetTypeId: input.assetTypeId, canceled: false }),
  patch: () => ({ description: "second" }),
});

export const taskCase = crudCase({
  kind: "task",
  input: async (ctx) => {
    const shot = await ctx.newShot();
    return { entityId: shot.id, taskTypeId: ctx.fx.shotTaskType.id, statusId: ctx.fx.status.todo.id };
  },
  expectCreated: (_r, input) => ({
    entityKind: "shot",
    name: "main",
    statusId: input.statusId,
    nbRetakes: 0,
    duration: 0,
    assigneeIds: [],
  }),
  patch: () => ({ description: "block the shot" }),
});

export const taskTypeCase = crudCase({
  kind: "taskType",
  input: async (ctx) => ({ name: `Gadget TT ${ctx.suffix}`, forShots: true }),
  patch: () => ({ color: "#112233" }),
});

export const taskStatusCase = crudCase({
  kind: "taskStatus",
  input: async (ctx) => ({ name: `Gadget TS ${ctx.suffix}`, shortName: `g${ctx.suffix}`, color: "#445566" }),
  patch: () => ({ color: "#665544" }),
});

export const personCase = crudCase({
  kind: "person",
  input: async (ctx) => ({
    firstName: "Gadget",
    lastName: `Crud ${ctx.suffix}`,
    email: `gadget-crud-${ctx.suffix}@example.com`,
    role: "user",
  }),
  expectCreated: (_r, input) => ({ name: `${input.firstName} ${input.lastName}` }),
  patch: (ctx) => ({ lastName: `Renamed ${ctx.suffix}` }),
  derived: ["name"],
});

export const departmentCase = crudCase({
  kind: "department",
  input: async (ctx) => ({ name: `Gadget Dept ${ctx.suffix}`, color: "#123456" }),
  patch: () => ({ color: "#654321" }),
});

export const playlistCase = crudCase({
  kind: "playlist",
  capability: "playlists",
  input: async (ctx) => ({ name: ctx.name("playlist"), projectId: ctx.fx.project.id, forEntity: "shot" }),
  expectCreated: () => ({ entries: [], forEntity: "shot" }),
  patch: () => ({ forClient: true }),
});
