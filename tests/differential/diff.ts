import type { Json } from "./normalize.js";

/** One place where the two backends' observations differ. */
export interface Difference {
  /** `$.outcome.value.customData.cam`, `$.events`, ... */
  path: string;
  mock: Json | undefined;
  kitsu: Json | undefined;
}

const show = (value: Json | undefined): string => (value === undefined ? "(absent)" : JSON.stringify(value));

const aliasOf = (item: Json): string => String((item as { $?: string }).$);

/** Two lists of the same entities in another order, or undefined. */
function reordered(mock: Json | undefined, kitsu: Json | undefined): [Json[], Json[]] | undefined {
  if (!Array.isArray(mock) || !Array.isArray(kitsu) || mock.length !== kitsu.length) return undefined;
  const ids = (list: Json[]) => list.map((x) => (x !== null && typeof x === "object" && "$" in x ? aliasOf(x) : ""));
  const [m, k] = [ids(mock), ids(kitsu)];
  if (m.includes("") || m.join() === k.join() || [...m].sort().join() !== [...k].sort().join()) return undefined;
  return [mock, kitsu];
}

/** Every leaf where `mock` and `kitsu` differ; arrays of different lengths differ as a whole. */
export function diff(mock: Json | undefined, kitsu: Json | undefined, path = "$"): Difference[] {
  if (JSON.stringify(mock) === JSON.stringify(kitsu)) return [];
  const byAlias = reordered(mock, kitsu);
  if (byAlias) {
    const [m, k] = byAlias;
    return [
      { path: `${path} (order)`, mock: m.map(aliasOf), kitsu: k.map(aliasOf) },
      ...m.flatMap((item) =>
        diff(
          item,
          k.find((x) => aliasOf(x) === aliasOf(item)),
          `${path}[${aliasOf(item)}]`,
        ),
      ),
    ];
  }
  if (Array.isArray(mock) && Array.isArray(kitsu) && mock.length === kitsu.length) {
    return mock.flatMap((m, i) => diff(m, kitsu[i], `${path}[${i}]`));
  }
  if (Array.isArray(mock) && Array.isArray(kitsu)) {
    // Lists of different lengths: what each has that the other lacks reads better than a shifted zip.
    const texts = (list: Json[]) => list.map((x) => JSON.stringify(x));
    const [m, k] = [texts(mock), texts(kitsu)];
    const onlyIn = (list: Json[], mine: string[], other: string[]) => {
      const left = [...other];
      return list.filter((_, i) => {
        const at = left.indexOf(mine[i]!);
        if (at >= 0) left.splice(at, 1);
        return at < 0;
      });
    };
    return [
      {
        path: `${path} (${mock.length} vs ${kitsu.length} items; only in each:)`,
        mock: onlyIn(mock, m, k),
        kitsu: onlyIn(kitsu, k, m),
      },
    ];
  }
  const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
    v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
  if (isObject(mock) && isObject(kitsu)) {
    const keys = [...new Set([...Object.keys(mock), ...Object.keys(kitsu)])].sort();
    return keys.flatMap((k) => diff(mock[k], kitsu[k], `${path}.${k}`));
  }
  return [{ path, mock, kitsu }];
}

/** The differences as lines a person reads: `path: mock X | kitsu Y`. */
export function formatDifferences(differences: readonly Difference[], limit = 20): string {
  const lines = differences
    .slice(0, limit)
    .map((d) => `  ${d.path}\n    mock:  ${show(d.mock)}\n    kitsu: ${show(d.kitsu)}`);
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more`);
  return lines.join("\n");
}
