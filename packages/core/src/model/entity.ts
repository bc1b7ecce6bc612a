import { inspect } from "node:util";
import type { RemoveOptions, RemoveResult } from "../adapter/contract.js";
import { parseOptions } from "../input-shape.js";
import { baseRecordSchema, type CustomData, type Id } from "../schema/common.js";
import { type Kind, kinds, type UpdatableKind } from "../schema/kinds.js";
import { removeOptionsSchema } from "../schema/options.js";
import type { SessionContext } from "../session/session-context.js";
import type { Tracker } from "../session/tracker.js";
import { applyRecord, attachState, contextOf, isLoaded, pendingChanges } from "./meta/entity-state.js";
import { field, fieldsOf } from "./meta/metadata.js";

const base = baseRecordSchema.shape;

function isUpdatable(kind: Kind): kind is UpdatableKind {
  return kinds[kind].update !== null;
}

/**
 * What every entity has: `id`, `name`, timestamps, `customData`, `raw`, and `save()`, `refresh()`,
 * `delete()`. Entities are built by a Tracker session from the adapter's records, one object per
 * record per session (the identity map); fields are accessors over that record. A TD never
 * constructs one: collections (`project.shots.get(...)`), relations (`shot.sequence()`) and
 * `tracker.load(kind, id)` hand them out.
 *
 * @example
 * const shot = await project.shots.get({ name: "sq170_sh0224" });
 * shot.frameOut = 240;
 * await shot.save();
 */
export abstract class Entity<K extends Kind = Kind> {
  readonly kind: K;

  @field(base.id) declare readonly id: Id;
  /** The record's name (a person's full name, a comment's text). */
  @field(base.name) declare name: string;
  @field(base.createdAt) declare readonly createdAt: Date;
  @field(base.updatedAt) declare readonly updatedAt: Date;
  /**
   * The tracker's free-form data. Change keys in place; save() sends only the changed keys, which
   * the tracker merges into what it holds (a deleted key is blanked).
   */
  @field(base.customData) declare customData: CustomData;
  /** The tracker's own record, read-only, for the rare field the model lacks. */
  @field(base.raw) declare readonly raw: Readonly<Record<string, unknown>>;

  /** @internal Built by the session only: `tracker.projects.get(...)` and the other collections. */
  constructor(context: SessionContext, kind: K, record: Record<string, unknown>) {
    this.kind = kind;
    attachState(this, context, record);
  }

  /** The session this entity belongs to. */
  get tracker(): Tracker {
    return contextOf(this).tracker;
  }

  /** True when a field or a customData key was changed and not saved yet. */
  get changed(): boolean {
    return Object.keys(pendingChanges(this)).length > 0;
  }

  /**
   * Sends the fields changed since the last load (and only the changed customData keys). Without
   * changes, nothing is sent.
   *
   * @example
   * shot.frameOut = 240;
   * shot.customData.cam = "B";
   * await shot.save(); // update shot { frameOut: 240, customData: { cam: "B" } }
   */
  async save(): Promise<this> {
    const patch = pendingChanges(this);
    if (Object.keys(patch).length === 0 || !isUpdatable(this.kind)) return this;
    await contextOf(this).update(this, this.kind, patch);
    return this;
  }

  /** Reloads the record from the tracker into this same object, dropping unsaved changes. */
  async refresh(): Promise<this> {
    const context = contextOf(this);
    const record = await context.adapter.get(this.kind, this.id);
    applyRecord(this, record, true);
    context.identity.markFresh(this.kind, this.id);
    return this;
  }

  /**
   * Deletes the record. Without `force`, a shot or asset that has tasks is canceled instead (as
   * Kitsu does); the outcome says which happened.
   */
  async delete(options: RemoveOptions = {}): Promise<RemoveResult> {
    const checked = parseOptions(removeOptionsSchema, options, `${this.kind}.delete() options`, "{ force: true }");
    return contextOf(this).remove(this, checked);
  }

  /** The record's fields as plain data (for logs and JSON). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { kind: this.kind };
    for (const { key } of fieldsOf(Object.getPrototypeOf(this))) {
      if (key !== "raw" && isLoaded(this, key)) out[key] = (this as unknown as Record<string, unknown>)[key];
    }
    return out;
  }

  /** What `console.log` and `util.inspect` print: the class and the record's fields, never the session. */
  [inspect.custom](): string {
    return `${this.constructor.name} ${inspect(this.toJSON(), { depth: 2, breakLength: 120 })}`;
  }
}

/** An entity of any kind, as events and relations that may point at several kinds hand it out. */
export type AnyEntity = Entity<Kind>;
