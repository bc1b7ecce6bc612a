import type { TrackerAdapter } from "../adapter/contract.js";
import type { CustomActionOps } from "../adapter/custom-action-ops.js";
import { AmbiguousError, NotFoundError, UnsupportedError } from "../errors.js";
import { getId, type IdLike } from "../ids.js";
import { parseObject } from "../input-shape.js";
import {
  type CustomActionInput,
  type CustomActionRecord,
  customActionCreateSchema,
  customActionRecordSchema,
} from "../schema/custom-actions.js";

/** A custom action of the studio: a Kitsu button that POSTs the selected tasks to `url`. */
export type CustomAction = Readonly<CustomActionRecord>;

/** What `customActions.filter/get/find` match on: each key given must be equal. */
export interface CustomActionQuery {
  /** The action's name, exactly. */
  name?: string;
  /** The URL Kitsu posts to, exactly. */
  url?: string;
  /** `all`, `asset`, `shot`, ... */
  entityType?: string;
  /** Whether Kitsu posts it in the background (JSON) or as a form in a new tab. */
  isAjax?: boolean;
}

const queryKeys = customActionRecordSchema.pick({ name: true, url: true, entityType: true, isAjax: true }).partial();

/**
 * The studio's custom actions (`tracker.customActions`): Kitsu's buttons that post a selection of
 * tasks to a studio URL (see `createCustomActionHandler` in `@gadget/core/custom-actions` to serve
 * one). Anyone but a vendor may read them; creating and deleting one takes a studio admin (a
 * `PermissionError` otherwise). They are settings, not production records: plain frozen records,
 * read fresh at every call (Kitsu caches its list, and an admin edits it in the web UI).
 *
 * @example
 * const action = await tracker.customActions.new({ name: "Publish renders", url: "https://pipe.studio/publish" });
 * await tracker.customActions.delete(action);
 */
export class CustomActions {
  private readonly adapter: TrackerAdapter;

  /** @internal Built by the Tracker. */
  constructor(adapter: TrackerAdapter) {
    this.adapter = adapter;
  }

  /** Every custom action of the studio. */
  async all(): Promise<CustomAction[]> {
    return (await this.ops().list()).map(freeze);
  }

  /**
   * The actions matching every key of the query.
   *
   * @example
   * const mine = await tracker.customActions.filter({ url: "https://pipe.studio/publish" });
   */
  async filter(query: CustomActionQuery = {}): Promise<CustomAction[]> {
    const where = parseObject(queryKeys.strict(), query, "customActions query", '{ name: "Publish renders" }');
    const entries = Object.entries(where).filter(([, value]) => value !== undefined);
    return (await this.all()).filter((action) =>
      entries.every(([key, value]) => action[key as keyof CustomActionQuery] === value),
    );
  }

  /**
   * One action by id (or the action itself), or the only one matching a query: NotFoundError when
   * none does, AmbiguousError when several do (Kitsu lets two actions share a name).
   *
   * @example
   * const publish = await tracker.customActions.get({ name: "Publish renders" });
   */
  async get(which: IdLike | CustomActionQuery): Promise<CustomAction> {
    if (typeof which === "string" || "id" in which) return freeze(await this.ops().get(getId(which as IdLike)));
    const found = await this.find(which);
    if (!found) throw NotFoundError.query("customAction", which, "the studio");
    return found;
  }

  /** The only action matching the query, or undefined; AmbiguousError when several do. */
  async find(query: CustomActionQuery): Promise<CustomAction | undefined> {
    const matches = await this.filter(query);
    if (matches.length > 1) {
      throw AmbiguousError.query(
        "customAction",
        query,
        "the studio",
        matches.map((m) => m.id),
      );
    }
    return matches[0];
  }

  /**
   * Registers a custom action (studio admins only). `url` must be an absolute http(s) URL;
   * `entityType` defaults to `all`, `isAjax` to false (Kitsu then opens the answer in a new tab).
   *
   * @example
   * await tracker.customActions.new({ name: "Publish renders", url: "https://pipe.studio/publish", entityType: "shot" });
   */
  async new(input: CustomActionInput): Promise<CustomAction> {
    const data = parseObject(
      customActionCreateSchema,
      input,
      "customActions.new() input",
      '{ name: "Publish renders", url: "https://pipe.studio/publish" }',
    );
    return freeze(await this.ops().create(data));
  }

  /**
   * Deletes a custom action (studio admins only), by id or the action itself.
   *
   * @example
   * await tracker.customActions.delete(await tracker.customActions.get({ name: "Old action" }));
   */
  async delete(action: IdLike): Promise<void> {
    await this.ops().remove(getId(action, "customActions.delete()"));
  }

  /** What `console.log` shows: the collection, not its adapter. */
  toJSON(): string {
    return "CustomActions";
  }

  private ops(): CustomActionOps {
    const ops = this.adapter.customActions;
    if (!ops) throw UnsupportedError.capability(this.adapter.name, "custom actions");
    return ops;
  }
}

function freeze(record: CustomActionRecord): CustomAction {
  Object.freeze(record.raw);
  return Object.freeze(record);
}
