import {
  type CustomActionCreateData,
  type CustomActionOps,
  type CustomActionRecord,
  type Id,
  NotFoundError,
} from "@gadget/core/adapter";
import { decodeCustomAction, encodeCustomAction } from "../codec/custom-actions.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";
import { checkId } from "./validate.js";

/*
 * Custom actions over Zou's crud routes (`data/custom-actions`). Zou answers 403 to a non-admin's
 * write (and to a vendor's read): the transport makes it a PermissionError. A create is a POST Zou
 * does not make idempotent and with no unique key to read back, so it is never sent twice.
 */

const model = "custom-actions";

export function kitsuCustomActions(ctx: OpsContext): CustomActionOps {
  const notFound = async <T>(id: Id, request: () => Promise<T>): Promise<T> => {
    checkId(id, "customAction");
    try {
      return await request();
    } catch (error) {
      if (error instanceof NotFoundError) throw NotFoundError.entity("customAction", id, error.request);
      throw error;
    }
  };
  return {
    async list(): Promise<CustomActionRecord[]> {
      const rows = await ctx.client.request<unknown[]>({ method: "GET", path: path(routes.listModel, { model }) });
      return rows.map(decodeCustomAction);
    },
    async get(id: Id): Promise<CustomActionRecord> {
      const row = await notFound(id, () =>
        ctx.client.request<unknown>({ method: "GET", path: path(routes.getModel, { model, id }) }),
      );
      return decodeCustomAction(row);
    },
    async create(data: CustomActionCreateData): Promise<CustomActionRecord> {
      const row = await ctx.client.request<unknown>({
        method: "POST",
        path: path(routes.createModel, { model }),
        json: encodeCustomAction(data),
      });
      return decodeCustomAction(row);
    },
    async remove(id: Id): Promise<void> {
      await notFound(id, () => ctx.client.request({ method: "DELETE", path: path(routes.deleteModel, { model, id }) }));
    },
  };
}
