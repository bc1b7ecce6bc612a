import type { Difference } from "./diff.js";
import type { Json, Observation } from "./normalize.js";
import type { Op } from "./ops.js";

/*
 * Known differences between the mock tracker and Kitsu, being fixed elsewhere. The comparison
 * skips what an entry covers, so the CI run stays green, and counts each skip so that an entry
 * nothing hits any more shows up in the summary: remove it when its fix lands. The generator
 * keeps exercising every one of them (see `knownDifference()` and the `x_date`/`x_nan` keys).
 *
 * Not listed because setup removes it: the mock starts without `zou init-data`'s reference rows
 * (task types, statuses, asset types, departments); both backends are brought to the same rows
 * before the first step (reference.ts).
 */

export interface KnownDifference {
  id: string;
  reason: string;
  /** Rewrites both observations of a step before they are compared (e.g. sorts a list whose order differs). */
  align?(op: Op, observation: Observation): Observation;
  /** True when this entry explains the difference `d` at a step running `op`. */
  covers?(op: Op, d: Difference): boolean;
}

const isQueryOf = (op: Op, rel: string): boolean => op.type === "query" && op.collection.rel === rel;
const pathHas = (d: Difference, ...parts: string[]): boolean => parts.some((p) => d.path.includes(p));
const eventsOnly = (d: Difference, names: string[]): boolean => {
  if (!d.path.startsWith("$.events")) return false;
  const extra = [...((d.mock as Json[] | undefined) ?? []), ...((d.kitsu as Json[] | undefined) ?? [])];
  return (
    Array.isArray(d.mock) &&
    Array.isArray(d.kitsu) &&
    extra.every((e) => names.includes(String((e as { name?: string } | null)?.name)))
  );
};
const byText = (a: Json, b: Json) => JSON.stringify(a).localeCompare(JSON.stringify(b));

export const knownDifferences: KnownDifference[] = [
  {
    id: "comments-order",
    reason: "task.comments lists come newest first from Kitsu and oldest first from the mock",
    align: (op, o) =>
      isQueryOf(op, "comments") && o.outcome.ok && Array.isArray(o.outcome.value)
        ? { ...o, outcome: { ok: true, value: [...o.outcome.value].sort(byText) } }
        : o,
  },
  {
    id: "search",
    reason: "the lab Zou has no Meilisearch (search answers 500); the mock and the test server search names",
    covers: (op) => op.type === "search",
  },
  {
    id: "tvshow-default-episode",
    reason: "Kitsu gives a new tvshow project a first episode (E01); the mock creates none",
    covers: (op, d) =>
      eventsOnly(d, ["episode:new"]) ||
      (isQueryOf(op, "episodes") && d.path.startsWith("$.outcome.value")) ||
      (pathHas(d, "episodeId") && d.mock === null),
  },
  {
    id: "comment-author",
    reason: "Kitsu records the session's person as a comment's author (and a preview's person); the mock leaves null",
    covers: (_op, d) => pathHas(d, ".authorId", ".personId") && d.mock === null,
  },
  {
    id: "tracker-raw-mock",
    reason: "the mock tracker has no raw client (tracker.raw is an UnsupportedError there)",
    covers: (op) => op.type === "raw.get",
  },
  {
    id: "person-department-ids",
    reason: "person.departmentIds is not written by save() on Kitsu",
    covers: (_op, d) => pathHas(d, "departmentIds"),
  },
  {
    id: "custom-data-date-nan",
    reason: "a Date or NaN in customData comes back as an ISO string / null from Kitsu (JSON), as itself from the mock",
    covers: (_op, d) => pathHas(d, "x_date", "x_nan"),
  },
  {
    id: "concurrent-identical-creates",
    reason: "two identical creates at once: the mock refuses the second, Kitsu may create both",
    covers: (op) => op.type === "concurrent.new",
  },
  // Found by this tester, not fixed here (a contract decision, see the report).
  {
    id: "malformed-id",
    reason:
      "a non-UUID id: the Kitsu adapter refuses it with ValidationError before any request; the mock answers NotFoundError (load) or [] (an id filter)",
    covers: (op) =>
      (op.type === "load" && op.id === "not-an-id") || (op.type === "query" && op.where.id === "not-an-id"),
  },
  {
    id: "publish-stale-task",
    reason:
      "by design the Kitsu adapter does not read the task back after comments.new (core patches its status and marks it stale): lastCommentAt, lastPreviewId and nbRetakes of that object stay old until reloaded; the mock's step-by-step publish reads the task back. `reloaded` (tracker.load) is compared",
    covers: (op, d) => op.type === "publish" && d.path.startsWith("$.outcome.value.task."),
  },
  {
    id: "list-order",
    reason:
      "found by this tester: list order is no contract on Zou (generic lists page in updated_at desc order, entity lists come in database order), the mock lists in creation order; query results are compared as sets",
    align: (op, o) =>
      op.type === "query" && o.outcome.ok && Array.isArray(o.outcome.value)
        ? { ...o, outcome: { ok: true, value: [...o.outcome.value].sort(byText) } }
        : o,
  },
  {
    id: "preview-dimensions",
    reason:
      "found by this tester: the mock does not read a picture's size (width, height, duration null); Zou measures it (a PNG: its pixels, duration 0) and the test server answers 0",
    covers: (_op, d) => /\.(width|height|duration)$/.test(d.path) && d.mock === null,
  },
  {
    id: "empty-text-null",
    reason:
      'found by this tester: an empty description saved as "" reads back null from Kitsu (the codec maps Zou\'s "" default to null), "" from the mock',
    covers: (_op, d) => d.path.endsWith(".description") && d.mock === "" && d.kitsu === null,
  },
  {
    id: "preview-reencoded",
    reason:
      "found by this tester: Zou re-encodes an uploaded picture, so a downloaded preview's size differs from the upload; the mock (and the test server) return the uploaded bytes",
    covers: (op, d) =>
      /\.(bytes|size)$/.test(d.path) &&
      (op.type === "preview.download" ||
        isQueryOf(op, "previews") ||
        (op.type === "refresh" && op.target.includes("/preview"))),
  },
];
