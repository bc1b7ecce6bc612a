import { AmbiguousError, NotFoundError } from "@gadget/core";
import { type BadInput, bad, corpus } from "./corpus.js";

/* Queries of every collection verb: get, find, filter, iterate, withTasks, tasks.fetch. */

const polluted = () => JSON.parse('{"__proto__": {"name": "sh010"}}') as Record<string, unknown>;

const queryCases: BadInput[] = [
  {
    name: "get(undefined)",
    run: (w) => w.project.shots.get(bad(undefined)),
    says: ["shot query", "undefined", "{ name:"],
  },
  { name: "get(null)", run: (w) => w.project.shots.get(bad(null)), says: ["shot query", "null"] },
  {
    name: 'get("sh010"): a name instead of a query',
    run: (w) => w.project.shots.get(bad("sh010")),
    says: ['"sh010"', '{ name: "sh010" }'],
  },
  { name: "get(42)", run: (w) => w.project.shots.get(bad(42)), says: ["shot query", "number"] },
  { name: "get([])", run: (w) => w.project.shots.get(bad([])), says: ["shot query", "array"] },
  {
    name: "get(a Map)",
    run: (w) => w.project.shots.get(bad(new Map([["name", "sh010"]]))),
    says: ["shot query", "Map"],
  },
  { name: "get(a Date)", run: (w) => w.project.shots.get(bad(new Date())), says: ["shot query", "Date"] },
  { name: "get(a function)", run: (w) => w.project.shots.get(bad(() => "sh010")), says: ["shot query", "function"] },
  {
    name: "get({ name: undefined })",
    run: (w) => w.other.sequence.shots.get({ name: undefined }),
    says: ['"name"', "undefined", "Remove the key"],
  },
  {
    name: "find({ name: undefined })",
    run: (w) => w.other.sequence.shots.find({ name: undefined }),
    says: ['"name"', "undefined"],
  },
  {
    name: "filter({ sequence: undefined })",
    run: (w) => w.project.shots.filter({ sequence: undefined }),
    says: ['"sequence"', "undefined"],
  },
  {
    name: "get({ nmae }): a misspelled key",
    run: (w) => w.project.shots.get(bad({ nmae: "sh010" })),
    says: ['"nmae"', "name"],
  },
  {
    name: "get({ frame_in }): a Kitsu column name",
    run: (w) => w.project.shots.get(bad({ frame_in: 101 })),
    says: ['"frame_in"', "frameIn"],
  },
  {
    name: 'filter({ frameIn: "101" })',
    run: (w) => w.project.shots.filter(bad({ frameIn: "101" })),
    says: ["frameIn", "number"],
  },
  { name: "filter({ frameIn: NaN })", run: (w) => w.project.shots.filter({ frameIn: Number.NaN }), says: ["frameIn"] },
  {
    name: "filter({ frameIn: Infinity })",
    run: (w) => w.project.shots.filter({ frameIn: Number.POSITIVE_INFINITY }),
    says: ["frameIn"],
  },
  { name: "filter({ frameIn: 1.5 })", run: (w) => w.project.shots.filter({ frameIn: 1.5 }), says: ["frameIn", "int"] },
  {
    name: 'filter({ canceled: "false" })',
    run: (w) => w.project.shots.filter(bad({ canceled: "false" })),
    says: ["canceled", "boolean"],
  },
  { name: "filter({ name: 42 })", run: (w) => w.project.shots.filter(bad({ name: 42 })), says: ["name", "string"] },
  { name: "filter({ name: null })", run: (w) => w.project.shots.filter(bad({ name: null })), says: ["name"] },
  {
    name: 'filter({ name: ["sh010", 42] })',
    run: (w) => w.project.shots.filter(bad({ name: ["sh010", 42] })),
    says: ["name.1"],
  },
  {
    name: "filter({ name: { $ne: null } }): an operator object",
    run: (w) => w.project.shots.filter(bad({ name: { $ne: null } })),
    says: ["name"],
  },
  {
    name: "filter({ customData })",
    run: (w) => w.project.shots.filter(bad({ customData: { cam: "A" } })),
    says: ['"customData"'],
  },
  { name: "filter({ raw })", run: (w) => w.project.shots.filter(bad({ raw: {} })), says: ['"raw"'] },
  { name: "filter({ tasks })", run: (w) => w.project.shots.filter(bad({ tasks: [] })), says: ['"tasks"'] },
  {
    name: "filter({ __proto__ }) parsed from JSON",
    run: (w) => w.project.shots.filter(bad(polluted())),
    says: ['"__proto__"'],
  },
  {
    name: "filter(an object whose prototype carries the key)",
    run: (w) => w.project.shots.filter(bad(Object.create({ name: "sh010" }))),
    says: ["plain object"],
  },
  {
    name: "filter({ constructor })",
    run: (w) => w.project.shots.filter(bad({ constructor: "x" })),
    says: ['"constructor"'],
  },
  { name: "filter({ toString })", run: (w) => w.project.shots.filter(bad({ toString: "x" })), says: ['"toString"'] },
  {
    name: "filter({ [symbol] })",
    run: (w) => w.project.shots.filter(bad({ [Symbol("name")]: "sh010" })),
    says: ["symbol"],
  },
  {
    name: "filter({ sequence: 42 })",
    run: (w) => w.project.shots.filter(bad({ sequence: 42 })),
    says: ["sequence", "name, an id or an entity"],
  },
  { name: 'filter({ sequence: "" })', run: (w) => w.project.shots.filter({ sequence: "" }), says: ["sequence"] },
  {
    name: "filter({ sequence: { id: 5 } })",
    run: (w) => w.project.shots.filter(bad({ sequence: { id: 5 } })),
    says: ["sequence"],
  },
  {
    name: "filter({ sequence: an asset })",
    run: (w) => w.project.shots.filter({ sequence: bad(w.asset) }),
    says: ["expects a sequence", "an asset"],
  },
  {
    name: "filter({ sequence: a task id })",
    run: (w) => w.project.shots.filter({ sequence: w.task.id }),
    says: ["expects a sequence", "a task"],
  },
  {
    name: 'get({ sequence: "sq999" }): no such sequence',
    run: (w) => w.project.shots.get({ sequence: "sq999" }),
    error: NotFoundError,
    says: ['"sq999"', "sequence"],
  },
  {
    name: "filter({ sequence: another project's sequence })",
    run: (w) => w.project.shots.filter({ sequence: w.other.sequence }),
    error: NotFoundError,
    says: ["sequence", "another project"],
  },
  {
    name: "get({ name }) with no match",
    run: (w) => w.project.shots.get({ name: "sh999" }),
    error: NotFoundError,
    says: ['"sh999"', "find()"],
  },
  {
    name: "get({ name }) with several matches",
    run: (w) => w.project.shots.get({ name: "sh010" }),
    error: AmbiguousError,
    says: ['"sh010"', "filter()"],
  },
  {
    name: "find({ name }) with several matches",
    run: (w) => w.project.shots.find({ name: "sh010" }),
    error: AmbiguousError,
    says: ['"sh010"'],
  },
  {
    name: "get({ name: a 100 kB string })",
    run: (w) => w.project.shots.get({ name: "x".repeat(100_000) }),
    says: ["name", "characters"],
  },
  { name: "filter({ id: 42 })", run: (w) => w.project.shots.filter(bad({ id: 42 })), says: ["id"] },
  {
    name: "filter({ createdAt: a string })",
    run: (w) => w.project.shots.filter(bad({ createdAt: "2026-01-05" })),
    says: ["createdAt", "date"],
  },
  {
    name: "filter({ createdAt: an invalid Date })",
    run: (w) => w.project.shots.filter({ createdAt: new Date("nope") }),
    says: ["createdAt"],
  },
  {
    name: "tasks.filter({ taskType: a shot })",
    run: (w) => w.project.tasks.filter({ taskType: bad(w.shot) }),
    says: ["expects a task type", "a shot"],
  },
  {
    name: "tasks.filter({ difficulty: 9 })",
    run: (w) => w.project.tasks.filter({ difficulty: 9 }),
    says: ["difficulty"],
  },
  {
    name: "taskStatuses.get({ shortName: 42 })",
    run: (w) => w.tracker.taskStatuses.get(bad({ shortName: 42 })),
    says: ["shortName"],
  },
  {
    name: 'persons.filter({ role: "god" })',
    run: (w) => w.tracker.persons.filter(bad({ role: "god" })),
    says: ["role"],
  },
  {
    name: 'projects.filter({ status: "archived" })',
    run: (w) => w.tracker.projects.filter(bad({ status: "archived" })),
    says: ["status"],
  },
  { name: 'iterate("sq010")', run: (w) => w.project.shots.iterate(bad("sq010")), says: ['"sq010"'] },
  { name: "iterate({ nmae })", run: (w) => w.project.shots.iterate(bad({ nmae: "x" })), says: ['"nmae"'] },
  { name: "iterate(null)", run: (w) => w.project.shots.iterate(bad(null)), says: ["null"] },
  { name: "withTasks({ nmae })", run: (w) => w.project.shots.withTasks(bad({ nmae: "x" })), says: ['"nmae"'] },
  { name: 'withTasks("sq010")', run: (w) => w.project.assets.withTasks(bad("sq010")), says: ['"sq010"'] },
  { name: "tasks.fetch(undefined)", run: (w) => w.shot.tasks.fetch(bad(undefined)), says: ["task type", "undefined"] },
  { name: "tasks.fetch(42)", run: (w) => w.shot.tasks.fetch(bad(42)), says: ["task type", "number"] },
  { name: 'tasks.fetch("")', run: (w) => w.shot.tasks.fetch(""), says: ["task type", "empty"] },
  {
    name: "tasks.fetch(an asset)",
    run: (w) => w.shot.tasks.fetch(bad(w.asset)),
    says: ["expects a task type", "an asset"],
  },
  {
    name: 'tasks.fetch("Rigging"): a type the shot has no task of',
    run: (w) => w.shot.tasks.fetch("Rigging"),
    error: NotFoundError,
    says: ['"Rigging"', "Animation", "tasks.new"],
  },
  { name: "tasks.fetch({ id: 5 })", run: (w) => w.shot.tasks.fetch(bad({ id: 5 })), says: ["task type"] },
  { name: "episodes.filter({ nmae })", run: (w) => w.project.episodes.filter(bad({ nmae: 1 })), says: ['"nmae"'] },
  {
    name: "playlists.get({ forEntity: 'concept' })",
    run: (w) => w.project.playlists.get(bad({ forEntity: "concept" })),
    says: ["forEntity"],
  },
  { name: "comments.filter({ text: 42 })", run: (w) => w.task.comments.filter(bad({ text: 42 })), says: ["text"] },
  {
    name: "previews.filter({ revision: -1 })",
    run: (w) => w.task.previews.filter({ revision: -1 }),
    says: ["revision"],
  },
  {
    name: 'timeSpents.filter({ date: "yesterday" })',
    run: (w) => w.task.timeSpents.filter({ date: "yesterday" }),
    says: ["date", "YYYY-MM-DD"],
  },
];

corpus("queries", queryCases);
