import { describeValue, ValidationError } from "./errors.js";
import { asId, type Id } from "./schema/common.js";
import type { Kind } from "./schema/kinds.js";

/** Anything that names a record: its id, or an object carrying it (an entity, a record, `{ id }`). */
export type IdLike = string | { readonly id: string };

/** Something that knows its kind: entities do, plain `{ id }` objects and strings do not. */
interface Kinded {
  readonly kind: Kind;
  readonly id: string;
}

function isKinded(value: unknown): value is Kinded {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { id?: unknown }).id === "string"
  );
}

/**
 * The id of an entity, a record, `{ id }`, or an id string itself.
 *
 * @example
 * await task.assign(getId(artist));
 */
export function getId(value: IdLike, where = "getId()"): Id {
  const id = typeof value === "string" ? value : value?.id;
  if (typeof id !== "string" || id.length === 0) {
    throw ValidationError.notAnId(describeValue(value), where);
  }
  return asId(id);
}

/**
 * The id of `value` where a `expected` is required. An entity of another kind (an Asset where a
 * Sequence is expected) is a ValidationError: ids alone cannot be checked without a request, but
 * entities can, and mixing them up is the usual mistake.
 */
export function ref(value: IdLike, expected: Kind | readonly Kind[], where: string): Id {
  if (isKinded(value)) {
    const allowed: readonly Kind[] = typeof expected === "string" ? [expected] : expected;
    if (!allowed.includes(value.kind)) throw ValidationError.wrongKind(allowed.join(" or "), value.kind, where);
  }
  return getId(value, where);
}

/** The kind an entity carries, when `value` is an entity. */
export function kindOf(value: unknown): Kind | undefined {
  return isKinded(value) ? value.kind : undefined;
}
