import {
  type CustomActionCreateData,
  type CustomActionOps,
  type CustomActionRecord,
  checkUuid,
  type Id,
  NotFoundError,
  PermissionError,
} from "@gadget/core/adapter";
import type { Studio } from "../studio/studio.js";

/*
 * The mock's custom actions: Zou's `custom_action` rows, kept beside the studio's tables (they are
 * settings, not records of a kind), with Kitsu's rules: every write takes a studio admin, names
 * are not unique, the list comes back in creation order.
 */

/** A custom action's row as the mock keeps it (records are built from it, so callers get copies). */
type Row = Omit<CustomActionRecord, "raw">;

export class MockCustomActions implements CustomActionOps {
  private readonly rows = new Map<Id, Row>();
  private readonly studio: Studio;

  constructor(studio: Studio) {
    this.studio = studio;
  }

  async list(): Promise<CustomActionRecord[]> {
    return [...this.rows.values()].map(output);
  }

  async get(id: Id): Promise<CustomActionRecord> {
    return output(this.require(id));
  }

  async create(data: CustomActionCreateData): Promise<CustomActionRecord> {
    this.requireAdmin("create a custom action");
    const now = this.studio.now();
    const row: Row = { id: this.studio.newId(), ...data, createdAt: now, updatedAt: now };
    this.rows.set(row.id, row);
    return output(row);
  }

  async remove(id: Id): Promise<void> {
    this.requireAdmin(`delete custom action ${id}`);
    this.require(id);
    this.rows.delete(id);
  }

  private require(id: Id): Row {
    const row = this.rows.get(id);
    if (row) return row;
    checkUuid(id, "customAction");
    throw NotFoundError.entity("customAction", id);
  }

  /** Kitsu answers 403 to anyone but an admin; a bare studio (no session person) acts as the tool itself. */
  private requireAdmin(what: string): void {
    const personId = this.studio.sessionPerson();
    if (!personId) return;
    const role = this.studio.require("person", personId).role;
    if (role !== "admin") throw PermissionError.adminOnlyAction(what, role);
  }
}

function output(row: Row): CustomActionRecord {
  return {
    ...row,
    raw: {
      id: row.id,
      name: row.name,
      url: row.url,
      entity_type: row.entityType,
      is_ajax: row.isAjax,
      type: "CustomAction",
    },
  };
}
