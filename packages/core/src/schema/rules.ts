import type { z } from "zod";
import {
  type CreatableKind,
  type CreateInput,
  type FilterKey,
  type Kind,
  kindNames,
  kinds,
  type RecordOf,
} from "./kinds.js";
import { taskEntityKindSchema } from "./tasks.js";

/*
 * The tracker rules, each declared once: what makes a record unique, which records a record needs,
 * what a query may filter on, what a create fills in, and when a record may be removed. Core, the
 * adapters, the mock tracker and the compliance suite all read them through `rulesOf(adapter)`.
 * The defaults are Kitsu's (Zou 1.0.67, zou.md §3); where Gadget refuses more than Zou does, the
 * entry says so. An adapter whose tracker differs states only the difference (`TrackerAdapter.rules`).
 */

/**
 * A field a rule may name: one a query can filter on, so that a rule can always be checked by a
 * query. For several kinds, a field of any of them.
 */
export type RuleField<K extends Kind> = K extends Kind ? FilterKey<K> & string : never;

/** Field values a record must (or must not) have, as a rule states them. */
export type FieldValues<K extends Kind> = K extends Kind ? { readonly [F in RuleField<K>]?: RecordOf<K>[F] } : never;

/** Fields no two records of a kind share: a SQL unique constraint. */
export interface UniqueKey<K extends Kind = Kind> {
  /** The scope fields first, the field that names the record last: `["sequenceId", "name"]`. */
  readonly fields: readonly RuleField<K>[];
  /**
   * Text fields (not ids) compare case-insensitively.
   *
   * @default false
   */
  readonly ignoreCase?: boolean;
  /**
   * A record with null in one of the fields clashes with nothing, as SQL has it. Off, null equals
   * null: a sequence without episode is unique among the project's sequences without episode.
   *
   * @default false
   */
  readonly nullsDistinct?: boolean;
  /**
   * Only records with these values take part, as in a partial index. A create input without the
   * field takes part.
   *
   * @default every record
   * @example
   * among: { isBot: false }
   */
  readonly among?: FieldValues<K>;
  /**
   * Checked when a record is created. Off, only a change that would make two records clash is
   * refused (Zou checks an asset's key when it is renamed, and creates duplicates).
   *
   * @default true
   */
  readonly onCreate?: boolean;
}

/** A reference a create input holds to another record. Whether it is required is the create schema's business. */
export interface ParentRule {
  /** The kinds the id may point to. */
  readonly kind: Kind | readonly Kind[];
  /**
   * The record pointed to must be in the same project as the new one. Zou answers 404 otherwise
   * (the sequence is "not found" in that project), and so does the rule.
   *
   * @default false
   */
  readonly sameProject?: boolean;
  /**
   * A task type must be for the kind of the task's entity: its `forEntity` is the entity's kind
   * (Zou: "Task type of the task does not match entity type").
   *
   * @default false
   */
  readonly fitsEntity?: boolean;
}

/** Create-input fields holding ids: `sequenceId`, `assigneeIds`. */
export type ParentField<K extends Kind> = K extends CreatableKind
  ? Extract<keyof CreateInput<K>, `${string}Id` | `${string}Ids`>
  : never;

/**
 * What removing a record does while records still point at it (see `dependentsOf`):
 * `refuse` (even forced), `refuse-unless-forced` (forced, they go with it), or
 * `cancel-unless-forced` (kept with `canceled: true`; forced, deleted with them), or `cancel`
 * (kept with `canceled: true`, forced or not: Zou's scenes).
 * Without one, the record goes alone, or with what a tracker deletes along with it.
 */
export type WhileHeld = "refuse" | "refuse-unless-forced" | "cancel-unless-forced" | "cancel";

/** When a record of a kind may be removed: a state it must be in, and what happens to what points at it. */
export interface RemoveRule<K extends Kind> {
  /** Values the record must have before it can be removed, force or not. */
  readonly requires?: FieldValues<K>;
  readonly whileHeld?: WhileHeld;
}

/** Two fields of a record, the first never after the second when both are set. */
export type OrderedPair<K extends Kind> = readonly [low: RuleField<K>, high: RuleField<K>];

/** Every rule of one kind. */
export interface KindRules<K extends Kind> {
  /** The keys a query may use: a runtime list of `FilterKey<K>`. */
  readonly filterKeys: readonly RuleField<K>[];
  /** Each key is checked on its own: a record clashing on any of them is a ConflictError. */
  readonly unique: readonly UniqueKey<K>[];
  /** Every id field of the create input, with the kind it points to. */
  readonly parents: { readonly [F in ParentField<K>]: ParentRule };
  /** What the tracker fills in when a create input leaves a field out. */
  readonly createDefaults: FieldValues<K>;
  readonly remove: RemoveRule<K>;
  /**
   * The longest text each field holds (the tracker's column lengths): a longer value is refused
   * before a write, rather than cut or failed by the database.
   *
   * @example
   * maxLength: { name: 160 }
   */
  readonly maxLength: { readonly [F in RuleField<K>]?: number };
  /**
   * Fields whose values must not decrease, in pairs: a shot's `frameIn` is not after its
   * `frameOut`, a task is not due before it starts. Checked when both are set.
   *
   * @example
   * ordered: [["frameIn", "frameOut"]]
   */
  readonly ordered: readonly OrderedPair<K>[];
}

/** Every kind's rules: `defaultRules` (Kitsu's), or an adapter's merged with its overrides (`rulesOf`). */
export type TrackerRules = { readonly [K in Kind]: KindRules<K> };

/**
 * Where a tracker differs from the defaults: per kind, the rules it replaces (each one whole).
 *
 * @example
 * rules: { asset: { unique: [] } } // duplicate asset names allowed
 */
export type RuleOverrides = { readonly [K in Kind]?: Partial<KindRules<K>> };

const scalarTypes = new Set(["string", "number", "boolean", "date", "enum", "literal"]);

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current.def.type === "nullable" || current.def.type === "optional") {
    current = (current.def as unknown as { innerType: z.ZodType }).innerType;
  }
  return current;
}

/** `FilterKey<K>` at run time: the record's scalar fields (and id), never raw, customData or arrays. */
function deriveFilterKeys<K extends Kind>(kind: K): RuleField<K>[] {
  const shape = kinds[kind].record.shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([key, schema]) => key !== "raw" && key !== "customData" && scalarTypes.has(unwrap(schema).def.type))
    .map(([key]) => key as RuleField<K>);
}

const project: ParentRule = { kind: "project" };
const entityKinds = taskEntityKindSchema.options;

/** Rules that every kind has, whatever its own. */
const base = <K extends Kind>(kind: K) => ({
  filterKeys: deriveFilterKeys(kind),
  unique: [] as readonly UniqueKey<K>[],
  createDefaults: {},
  remove: {},
  maxLength: {},
  ordered: [] as readonly OrderedPair<K>[],
});

/** The name is unique studio-wide (Zou: a unique `name` column). */
const studioName = [{ fields: ["name"] }] as const;

/** Kitsu's rules, as Zou 1.0.67 enforces them (zou.md §2, §3), plus the refusals Gadget adds. */
export const defaultRules: TrackerRules = {
  project: {
    ...base("project"),
    unique: studioName,
    parents: {},
    // Zou's column lengths (zou/app/models/project.py); Gadget also refuses a project that ends before it starts.
    maxLength: { name: 80, code: 80, ratio: 10, resolution: 12 },
    ordered: [["startDate", "endDate"]],
    // Zou deletes closed projects only, force or not (400 "Only closed projects can be deleted").
    remove: { requires: { status: "closed" }, whileHeld: "refuse-unless-forced" },
  },
  episode: {
    ...base("episode"),
    // Zou's create route answers an existing name with the existing row; Gadget makes it a conflict.
    unique: [{ fields: ["projectId", "name"] }],
    parents: { projectId: project },
    maxLength: { name: 160 },
    remove: { whileHeld: "refuse-unless-forced" },
  },
  sequence: {
    ...base("sequence"),
    // As episodes: deduped by Zou's create route on (project, episode, name), a conflict here.
    unique: [{ fields: ["projectId", "episodeId", "name"] }],
    parents: { projectId: project, episodeId: { kind: "episode", sameProject: true } },
    maxLength: { name: 160 },
    remove: { whileHeld: "refuse-unless-forced" },
  },
  shot: {
    ...base("shot"),
    // Zou's entity_uc (name, project, type, parent) and its create route's dedupe; the sequence implies the project.
    unique: [{ fields: ["sequenceId", "name"] }],
    parents: { projectId: project, sequenceId: { kind: "sequence", sameProject: true } },
    maxLength: { name: 160 },
    // Kitsu takes any frame range; Gadget refuses one that ends before it starts.
    ordered: [["frameIn", "frameOut"]],
    remove: { whileHeld: "cancel-unless-forced" },
  },
  assetType: {
    ...base("assetType"),
    // Zou checks the name with ILIKE before it creates an entity type.
    unique: [{ fields: ["name"], ignoreCase: true }],
    parents: {},
    maxLength: { name: 30, shortName: 20 },
    // Zou's generic delete has no cascade: the database refuses while assets point at the type.
    remove: { whileHeld: "refuse" },
  },
  asset: {
    ...base("asset"),
    // Refused by Gadget only: Zou's entity_uc has a null parent for assets, so Zou creates the
    // duplicate (recorded 080). The same name under two asset types is fine on both.
    unique: [{ fields: ["projectId", "assetTypeId", "name"] }],
    parents: {
      projectId: project,
      assetTypeId: { kind: "assetType" },
      episodeId: { kind: "episode", sameProject: true },
    },
    maxLength: { name: 160 },
    remove: { whileHeld: "cancel-unless-forced" },
  },
  task: {
    ...base("task"),
    // Zou's task_uc (name, project, task type, entity): two tasks of one type need two names.
    unique: [{ fields: ["entityId", "taskTypeId", "name"] }],
    parents: {
      entityId: { kind: entityKinds },
      taskTypeId: { kind: "taskType", fitsEntity: true },
      statusId: { kind: "taskStatus" },
      assigneeIds: { kind: "person" },
    },
    createDefaults: { name: "main" },
    maxLength: { name: 80 },
    ordered: [["startDate", "dueDate"]],
  },
  taskType: {
    ...base("taskType"),
    unique: studioName,
    parents: { departmentId: { kind: "department" } },
    maxLength: { name: 40, shortName: 20, color: 7 },
  },
  taskStatus: {
    ...base("taskStatus"),
    unique: [{ fields: ["shortName"] }],
    parents: {},
    maxLength: { name: 40, shortName: 10, color: 7 },
  },
  comment: { ...base("comment"), parents: {} },
  preview: { ...base("preview"), parents: {} },
  attachment: { ...base("attachment"), parents: {} },
  person: {
    ...base("person"),
    // Zou: unique among persons that are not bots; it compares the local part case-sensitively,
    // Gadget refuses any case variant (logins are matched without case).
    unique: [{ fields: ["email"], ignoreCase: true, nullsDistinct: true, among: { isBot: false } }],
    parents: { departmentIds: { kind: "department" } },
    maxLength: { firstName: 80, lastName: 80, desktopLogin: 80 },
  },
  department: {
    ...base("department"),
    unique: studioName,
    parents: {},
    maxLength: { name: 80, color: 7 },
  },
  playlist: {
    ...base("playlist"),
    // Zou's playlist_uc (name, project, episode) lets null episodes repeat a name; Gadget does not.
    unique: [{ fields: ["projectId", "episodeId", "name"] }],
    parents: { projectId: project, episodeId: { kind: "episode" }, taskTypeId: { kind: "taskType" } },
    maxLength: { name: 80 },
  },
  timeSpent: { ...base("timeSpent"), parents: {} },
  edit: {
    ...base("edit"),
    // Zou's create_edit answers an existing (project, episode, name) with the existing row; Gadget
    // makes it a conflict, as for sequences.
    unique: [{ fields: ["projectId", "episodeId", "name"] }],
    // create_edit takes the episode as the parent without looking at its project.
    parents: { projectId: project, episodeId: { kind: "episode" } },
    maxLength: { name: 160 },
    // remove_edit: canceled while it has tasks, deleted with them when forced.
    remove: { whileHeld: "cancel-unless-forced" },
  },
  concept: {
    ...base("concept"),
    // Zou's create_concept dedupes on (project, name); a conflict here.
    unique: [{ fields: ["projectId", "name"] }],
    parents: { projectId: project },
    maxLength: { name: 160 },
    remove: { whileHeld: "cancel-unless-forced" },
  },
  scene: {
    ...base("scene"),
    // Zou's create_scene dedupes on (sequence, name) and answers 404 for a sequence of another project.
    unique: [{ fields: ["sequenceId", "name"] }],
    parents: { projectId: project, sequenceId: { kind: "sequence", sameProject: true } },
    maxLength: { name: 160 },
    // remove_scene takes no force: the database refuses while tasks point at it, and Zou cancels.
    remove: { whileHeld: "cancel" },
  },
};

/** The defaults with `overrides` laid over them: each overridden rule replaces the default whole. */
export function resolveRules(overrides: RuleOverrides = {}): TrackerRules {
  const out: Record<string, unknown> = {};
  for (const kind of kindNames) {
    out[kind] = overrides[kind] ? { ...defaultRules[kind], ...overrides[kind] } : defaultRules[kind];
  }
  return out as TrackerRules;
}

const resolved = new WeakMap<RuleOverrides, TrackerRules>();

/** The rules a tracker follows: the defaults, with what its adapter states it does differently. */
export function rulesOf(adapter: { readonly rules?: RuleOverrides | undefined }): TrackerRules {
  const { rules } = adapter;
  if (!rules) return defaultRules;
  let merged = resolved.get(rules);
  if (!merged) {
    merged = resolveRules(rules);
    resolved.set(rules, merged);
  }
  return merged;
}

/** The kinds a parent rule points to. */
export const parentKinds = (rule: ParentRule): readonly Kind[] =>
  typeof rule.kind === "string" ? [rule.kind] : rule.kind;

/** The parent rules of a kind, as [field, rule] pairs. */
export const parentsOf = (rules: TrackerRules, kind: Kind): [string, ParentRule][] =>
  Object.entries(rules[kind].parents as Record<string, ParentRule>);

/** Where records of other kinds point at a record of `kind`: what holds it back from a removal. */
export function dependentsOf(rules: TrackerRules, kind: Kind): { kind: Kind; field: string }[] {
  return kindNames.flatMap((other) =>
    parentsOf(rules, other)
      .filter(([, rule]) => parentKinds(rule).includes(kind))
      .map(([field]) => ({ kind: other, field })),
  );
}
