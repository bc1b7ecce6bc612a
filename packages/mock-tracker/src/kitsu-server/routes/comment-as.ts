import { asId, effectiveRole, type Id } from "@gadget/core/adapter";
import type { ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { maybe, type Row } from "./helpers.js";

/*
 * `person_id` and `created_at` of a comment (comment and batch-comment routes), as Zou 1.0.67 reads
 * them: honoured when `has_manager_permissions()` (a studio admin, or a manager: the server keeps no
 * per-project roles), dropped without a word from anyone else; an unknown person is a 404
 * (persons_service.get_person); a date Zou cannot parse (`%Y-%m-%d %H:%M:%S`, else
 * `%Y-%m-%dT%H:%M:%S`) is ignored and the comment is dated now, and a future date is kept.
 */

const naiveDate = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** A `created_at` as Zou parses it (naive UTC, whole seconds), or undefined where Zou would fall back to now. */
export function parseZouCreatedAt(value: unknown): Date | undefined {
  const match = typeof value === "string" ? naiveDate.exec(value) : null;
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // strptime refuses a day or time that does not exist (2021-02-30, 25:00:00).
  const sameFields =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi;
  return sameFields && s < 60 ? date : undefined;
}

/** The author and date a comment of the request is posted with. */
export async function commentAs(
  req: ZouRequest,
  ctx: ServerContext,
  body: Row,
): Promise<{ authorId: Id; createdAt?: Date }> {
  const actor = asId(req.actor.personId) as Id;
  if (!["admin", "manager"].includes(effectiveRole(req.actor.role))) return { authorId: actor };
  const createdAt = parseZouCreatedAt(body.created_at);
  let authorId = actor;
  if (typeof body.person_id === "string" && body.person_id !== "") {
    const person = await maybe(ctx.tracker, "person", asId(body.person_id));
    if (!person) throw zou.notFound();
    authorId = person.id;
  }
  return { authorId, ...(createdAt ? { createdAt } : {}) };
}
