/*
 * Copies of stored rows as the contract hands them out: the record and its `raw`, sharing nothing
 * with the store nor with each other. Rows are flat: scalars, Dates, arrays of ids or of flat items
 * (checklists, playlist entries), and free-form customData, so two levels are copied by hand and
 * only customData is cloned deeply (structuredClone of every row made large queries slow).
 *
 * A listing copies every row twice, so the copy is built for V8: a spread followed by `copy.raw =`
 * gave each record a property added after its clone, which cost twice the two copies themselves
 * (100,000 task rows: ~1 s). Rows of a kind share their keys in one order, so each key list gets a
 * function that builds the record as one object literal, `raw` included: every record of the kind
 * has the same hidden class from its creation. A row whose keys differ gets its own builder.
 */

/** The copy of one field's value. */
function copyValue(key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value))
    return value.map((item: unknown) => (typeof item === "object" && item ? { ...item } : item));
  if (key === "customData") return isEmpty(value) ? {} : structuredClone(value);
  return value;
}

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return true;
}

type Builder = (copy: typeof copyValue, row: object, raw: unknown) => Record<string, unknown>;

interface Shape {
  keys: readonly string[];
  /** The record, `raw` last (the value passed). */
  record: Builder;
  /** The raw copy: the same fields, no `raw`. */
  raw: Builder;
}

/** One builder per key list; a table's rows all share one, so the map stays a handful of entries. */
const shapes = new Map<string, Shape>();
/** The shape used last: the next row almost always has the same keys. */
let lastShape: Shape | undefined;

/** Key by key: for a key an object literal cannot name plainly (`__proto__` sets the prototype there). */
function slowBuilder(keys: readonly string[], withRaw: boolean): Builder {
  return (copy, row, raw) => {
    const out: Record<string, unknown> = {};
    for (const key of keys)
      Object.defineProperty(out, key, {
        value: copy(key, Reflect.get(row, key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    if (withRaw) out.raw = raw;
    return out;
  };
}

function compile(keys: readonly string[], withRaw: boolean): Builder {
  if (keys.includes("__proto__")) return slowBuilder(keys, withRaw);
  const fields = keys.map((key) => {
    const name = JSON.stringify(key);
    return `${name}: copy(${name}, row[${name}])`;
  });
  if (withRaw) fields.push("raw: raw");
  // Built from the row's own keys, each quoted by JSON.stringify: no text of the caller is run.
  return new Function("copy", "row", "raw", `return { ${fields.join(", ")} };`) as Builder;
}

/** True when the row's own enumerable keys are `keys`, in that order. */
function hasKeys(row: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in row) {
    if (!Object.hasOwn(row, key) || key !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

function shapeOf(row: object): Shape {
  if (lastShape && hasKeys(row, lastShape.keys)) return lastShape;
  const keys = Object.keys(row);
  const id = keys.join("\u0000");
  let shape = shapes.get(id);
  if (!shape) {
    shape = { keys, record: compile(keys, true), raw: compile(keys, false) };
    shapes.set(id, shape);
  }
  lastShape = shape;
  return shape;
}

/** The record a stored row goes out as: a copy of its fields plus `raw`, another copy. */
export function outputRow(row: object): Record<string, unknown> {
  const shape = shapeOf(row);
  return shape.record(copyValue, row, shape.raw(copyValue, row, undefined));
}
