import type { Id } from "../schema/common.js";
import type { CustomActionCreateData, CustomActionRecord } from "../schema/custom-actions.js";

/**
 * Kitsu's custom actions (`data/custom-actions`), for adapters whose tracker has them. Reading is
 * open to every role but vendors; writing is for studio admins, and anyone else gets a
 * `PermissionError` (Kitsu answers 403). Core checks inputs before it calls these.
 */
export interface CustomActionOps {
  /** Every custom action of the studio, in the tracker's order. */
  list(): Promise<CustomActionRecord[]>;
  /** Throws NotFoundError when there is no such custom action. */
  get(id: Id): Promise<CustomActionRecord>;
  /** Creates one; two actions may share a name (Zou keeps no unique key on them). */
  create(data: CustomActionCreateData): Promise<CustomActionRecord>;
  /** Deletes one; NotFoundError when there is no such custom action. */
  remove(id: Id): Promise<void>;
}
