import { getId, NotFoundError, ValidationError } from "@gadget/core";
import { type BadInput, bad, corpus } from "./corpus.js";

/* tracker.load, tracker.search, tracker.raw, getId. */

const load: BadInput[] = [
  {
    name: 'load("nosuchkind", id)',
    run: (w) => w.tracker.load(bad("nosuchkind"), w.shot.id),
    says: ['"nosuchkind"', "shot"],
  },
  {
    name: 'load("Shot", id): wrong case',
    run: (w) => w.tracker.load(bad("Shot"), w.shot.id),
    says: ['"Shot"', '"shot"'],
  },
  {
    name: 'load("shots", id): a plural',
    run: (w) => w.tracker.load(bad("shots"), w.shot.id),
    says: ['"shots"', '"shot"'],
  },
  { name: "load(undefined, id)", run: (w) => w.tracker.load(bad(undefined), w.shot.id), says: ["kind", "undefined"] },
  {
    name: 'load("shot", undefined)',
    run: (w) => w.tracker.load("shot", bad(undefined)),
    says: ['tracker.load("shot")', "undefined"],
  },
  { name: 'load("shot", "")', run: (w) => w.tracker.load("shot", ""), says: ['tracker.load("shot")', "empty"] },
  { name: 'load("shot", 42)', run: (w) => w.tracker.load("shot", bad(42)), says: ['tracker.load("shot")', "number"] },
  {
    name: 'load("shot", "sh010"): a name',
    run: (w) => w.tracker.load("shot", "sh010"),
    error: ValidationError,
    says: ['"sh010"', "get({ name"],
  },
  {
    name: 'load("shot", an asset)',
    run: (w) => w.tracker.load("shot", bad(w.asset)),
    says: ["expects a shot", "an asset"],
  },
  {
    name: 'load("shot", an asset id)',
    run: (w) => w.tracker.load("shot", w.asset.id),
    error: NotFoundError,
    says: (w) => [w.asset.id],
  },
  {
    name: 'load("comment", a task id)',
    run: (w) => w.tracker.load("comment", w.task.id),
    error: NotFoundError,
    says: (w) => [w.task.id],
  },
  {
    name: 'load("shot", another tracker\'s shot id)',
    run: (w) => w.tracker.load("shot", w.foreign.shot.id),
    error: NotFoundError,
    says: (w) => [w.foreign.shot.id],
  },
  {
    name: 'load("shot", { id: 5 })',
    run: (w) => w.tracker.load("shot", bad({ id: 5 })),
    says: ['tracker.load("shot")'],
  },
  {
    name: 'load("shot", a 10 kB id)',
    run: (w) => w.tracker.load("shot", "a".repeat(10_000)),
    error: ValidationError,
    says: ["shot"],
  },
  {
    name: 'load("shot", an id with a slash)',
    run: (w) => w.tracker.load("shot", "../../auth/logout"),
    error: ValidationError,
    says: ["shot"],
  },
];

const search: BadInput[] = [
  { name: "search(null)", run: (w) => w.tracker.search(bad(null)), says: ["search", "null", "text"] },
  { name: "search(42)", run: (w) => w.tracker.search(bad(42)), says: ["search", "number"] },
  { name: 'search("")', run: (w) => w.tracker.search(""), says: ["search", "empty"] },
  { name: 'search("   ")', run: (w) => w.tracker.search("   "), says: ["search", "empty"] },
  {
    name: 'search(text, { kinds: ["bogus"] })',
    run: (w) => w.tracker.search("fox", { kinds: bad(["bogus"]) }),
    says: ['"bogus"', "shot, asset"],
  },
  {
    name: 'search(text, { kinds: "asset" }): not a list',
    run: (w) => w.tracker.search("fox", { kinds: bad("asset") }),
    says: ["kinds", "array"],
  },
  { name: "search(text, { kinds: [] })", run: (w) => w.tracker.search("fox", { kinds: [] }), says: ["kinds", "empty"] },
  { name: "search(text, { limit: -1 })", run: (w) => w.tracker.search("fox", { limit: -1 }), says: ["limit"] },
  { name: "search(text, { limit: 0 })", run: (w) => w.tracker.search("fox", { limit: 0 }), says: ["limit"] },
  { name: "search(text, { limit: NaN })", run: (w) => w.tracker.search("fox", { limit: Number.NaN }), says: ["limit"] },
  { name: 'search(text, { limit: "5" })', run: (w) => w.tracker.search("fox", { limit: bad("5") }), says: ["limit"] },
  {
    name: 'search(text, { project: "Nope" })',
    run: (w) => w.tracker.search("fox", { project: "Nope" }),
    error: NotFoundError,
    says: ['"Nope"'],
  },
  {
    name: "search(text, { project: a shot })",
    run: (w) => w.tracker.search("fox", { project: bad(w.shot) }),
    says: ["expects a project", "a shot"],
  },
  {
    name: "search(text, { projet }): a misspelled option",
    run: (w) => w.tracker.search("fox", bad({ projet: "Bunny Escape" })),
    says: ['"projet"', "project"],
  },
  {
    name: 'search(text, "asset"): options as a string',
    run: (w) => w.tracker.search("fox", bad("asset")),
    says: ["search", "options"],
  },
  { name: "search(a 100 kB text)", run: (w) => w.tracker.search("x".repeat(100_000)), says: ["search", "characters"] },
];

const raw: BadInput[] = [
  { name: "raw.get(42)", only: "kitsu", run: (w) => w.tracker.raw.get(bad(42)), says: ["raw.get", "path"] },
  { name: 'raw.get("")', only: "kitsu", run: (w) => w.tracker.raw.get(""), says: ["raw.get", "path"] },
  {
    name: "raw.get(an absolute URL)",
    only: "kitsu",
    run: (w) => w.tracker.raw.get("http://evil.example.com/steal"),
    says: ["raw.get", "http://evil.example.com/steal", "relative"],
  },
  {
    name: "raw.get(a path with ..)",
    only: "kitsu",
    run: (w) => w.tracker.raw.get("data/../../auth/logout"),
    says: ["raw.get", ".."],
  },
  {
    name: 'raw.get("data/nosuch")',
    only: "kitsu",
    run: (w) => w.tracker.raw.get("data/nosuch"),
    error: NotFoundError,
    says: ["/data/nosuch", "Check"],
  },
  {
    name: 'raw.get(path, { searchParams: "x" })',
    only: "kitsu",
    run: (w) => w.tracker.raw.get("data/projects", bad({ searchParams: "x" })),
    says: ["searchParams"],
  },
  {
    name: "raw.post(path, a BigInt body)",
    only: "kitsu",
    run: (w) => w.tracker.raw.post("data/projects", { name: 1n }),
    says: ["raw.post", "name", "JSON"],
  },
  {
    name: "raw.post(path, a circular body)",
    only: "kitsu",
    run: (w) => {
      const body: Record<string, unknown> = {};
      body.self = body;
      return w.tracker.raw.post("data/projects", body);
    },
    says: ["raw.post", "self", "JSON"],
  },
];

const ids: BadInput[] = [
  { name: "getId(undefined)", run: () => getId(bad(undefined)), says: ["getId()", "undefined"] },
  { name: "getId(42)", run: () => getId(bad(42)), says: ["getId()", "number"] },
  { name: "getId({})", run: () => getId(bad({})), says: ["getId()", "object"] },
  { name: 'getId("")', run: () => getId(""), says: ["getId()", "empty"] },
];

corpus("lookups", [...load, ...search, ...raw, ...ids]);
