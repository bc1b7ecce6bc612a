const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** Exact, case-sensitive match: Zou's `name` filter is ILIKE and its unknown keys are ignored. */
export function matches(record: object, where: object): boolean {
  const r = record as Record<string, unknown>;
  return Object.entries(where).every(([key, value]) => {
    if (value === undefined) return true;
    return Array.isArray(value) ? value.some((v) => same(r[key], v)) : same(r[key], value);
  });
}
