import { ConflictError, NotFoundError } from "@gadget/core";
import { type BadInput, bad, corpus } from "./corpus.js";

/* new() and newMany() of every writable collection: input shapes, names, numbers, dates, references. */

const NUL = "\u0000";

const cases: BadInput[] = [
  // input shapes
  {
    name: "shots.new(undefined)",
    run: (w) => w.sequence.shots.new(bad(undefined)),
    says: ["new shot", "undefined", "{ name"],
  },
  { name: "shots.new(null)", run: (w) => w.sequence.shots.new(bad(null)), says: ["new shot", "null"] },
  {
    name: 'shots.new("sh070")',
    run: (w) => w.sequence.shots.new(bad("sh070")),
    says: ["new shot", '"sh070"', '{ name: "sh070" }'],
  },
  { name: "shots.new([])", run: (w) => w.sequence.shots.new(bad([])), says: ["new shot", "array", "newMany"] },
  {
    name: "shots.new(a class instance)",
    run: (w) => w.sequence.shots.new(bad(new URL("http://x"))),
    says: ["new shot", "URL"],
  },
  { name: "shots.new({}) without a name", run: (w) => w.sequence.shots.new(bad({})), says: ["name"] },
  {
    name: "shots.new({ frame_in }): a Kitsu column name",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", frame_in: 3 })),
    says: ['"frame_in"', "frameIn"],
  },
  {
    name: "shots.new({ id }): an id the tracker gives",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", id: "x" })),
    says: ['"id"'],
  },
  {
    name: "shots.new({ __proto__ }) parsed from JSON",
    run: (w) => w.sequence.shots.new(bad(JSON.parse('{"name":"sh070","__proto__":{"frameIn":1}}'))),
    says: ['"__proto__"'],
  },
  {
    name: "shots.new(an object whose prototype carries the name)",
    run: (w) => w.sequence.shots.new(bad(Object.create({ name: "sh070" }))),
    says: ["plain object"],
  },
  {
    name: "shots.new({ [symbol] })",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", [Symbol("x")]: 1 })),
    says: ["symbol"],
  },
  // names
  { name: "a whitespace-only shot name", run: (w) => w.sequence.shots.new({ name: "   " }), says: ["name", "blank"] },
  { name: "an empty shot name", run: (w) => w.sequence.shots.new({ name: "" }), says: ["name"] },
  {
    name: "a shot name with a NUL byte",
    run: (w) => w.sequence.shots.new({ name: `sh${NUL}070` }),
    says: ["name", "control character"],
  },
  { name: "a shot name with a newline", run: (w) => w.sequence.shots.new({ name: "sh070\n" }), says: ["name"] },
  {
    name: "a shot name with a tab",
    run: (w) => w.sequence.shots.new({ name: "sh\t070" }),
    says: ["name", "control character"],
  },
  {
    name: "a shot name with an escape sequence",
    run: (w) => w.sequence.shots.new({ name: "\u001b[31msh070" }),
    says: ["name", "control character"],
  },
  {
    name: "a shot name with a right-to-left override",
    run: (w) => w.sequence.shots.new({ name: "sh\u202e070" }),
    says: ["name", "control character"],
  },
  {
    name: "a shot name starting with a byte order mark",
    run: (w) => w.sequence.shots.new({ name: "\ufeffsh070" }),
    says: ["name", "control character"],
  },
  {
    name: "a shot name with a line separator",
    run: (w) => w.sequence.shots.new({ name: "sh\u2028070" }),
    says: ["name", "control character"],
  },
  {
    name: "a shot name with spaces around it",
    run: (w) => w.sequence.shots.new({ name: " sh070 " }),
    says: ["name", "spaces"],
  },
  {
    name: "a 10 000-character shot name",
    run: (w) => w.sequence.shots.new({ name: "s".repeat(10_000) }),
    says: ["name", "160"],
  },
  {
    name: "a shot name that is a number",
    run: (w) => w.sequence.shots.new(bad({ name: 70 })),
    says: ["name", "string"],
  },
  { name: "a shot name that is null", run: (w) => w.sequence.shots.new(bad({ name: null })), says: ["name"] },
  {
    name: "a duplicate shot name",
    run: (w) => w.sequence.shots.new({ name: "sh010" }),
    error: ConflictError,
    says: ['"sh010"', "Pick another name"],
  },
  {
    name: "a 100-character project name (Zou keeps 80)",
    run: (w) => w.tracker.projects.new({ name: "p".repeat(100) }),
    says: ["name", "80"],
  },
  { name: "a whitespace-only project name", run: (w) => w.tracker.projects.new({ name: "\t \n" }), says: ["name"] },
  {
    name: "a duplicate project name",
    run: (w) => w.tracker.projects.new({ name: "Bunny Escape" }),
    error: ConflictError,
    says: ['"Bunny Escape"'],
  },
  {
    name: 'productionType: "feature"',
    run: (w) => w.tracker.projects.new(bad({ name: "New Film", productionType: "feature" })),
    says: ["productionType", "featurefilm"],
  },
  {
    name: "a whitespace-only sequence name",
    run: (w) => w.project.sequences.new({ name: " " }),
    says: ["name", "blank"],
  },
  {
    name: "a whitespace-only asset name",
    run: (w) => w.project.assets.new({ name: "  ", assetType: "Prop" }),
    says: ["name", "blank"],
  },
  {
    name: "an asset name with a NUL byte",
    run: (w) => w.project.assets.new({ name: `Ha${NUL}t`, assetType: "Prop" }),
    says: ["name", "control character"],
  },
  {
    name: "a duplicate asset of the same type",
    run: (w) => w.project.assets.new({ name: "Fox", assetType: "Character" }),
    error: ConflictError,
    says: ['"Fox"'],
  },
  {
    name: "a task type name longer than 40 characters",
    run: (w) => w.tracker.taskTypes.new({ name: "t".repeat(41), forShots: true }),
    says: ["name", "40"],
  },
  {
    name: "a task type without forShots",
    run: (w) => w.tracker.taskTypes.new(bad({ name: "FX" })),
    says: ["forShots"],
  },
  {
    name: 'a task type color "red"',
    run: (w) => w.tracker.taskTypes.new({ name: "FX", forShots: true, color: "red" }),
    says: ["color", "#"],
  },
  {
    name: "a task status short name of 11 characters",
    run: (w) => w.tracker.taskStatuses.new({ name: "Hold", shortName: "h".repeat(11) }),
    says: ["shortName", "10"],
  },
  {
    name: "a task status short name with spaces around it",
    run: (w) => w.tracker.taskStatuses.new({ name: "Hold", shortName: " hold" }),
    says: ["shortName", "spaces"],
  },
  {
    name: "a duplicate task status short name",
    run: (w) => w.tracker.taskStatuses.new({ name: "Another todo", shortName: "todo" }),
    error: ConflictError,
    says: ['"todo"'],
  },
  {
    name: "a department name with a control character",
    run: (w) => w.tracker.departments.new({ name: `FX${NUL}` }),
    says: ["name", "control character"],
  },
  {
    name: 'a person e-mail "not-an-email"',
    run: (w) => w.tracker.persons.new({ firstName: "Eve", lastName: "Doe", email: "not-an-email" }),
    says: ["email"],
  },
  {
    name: "a person with blank first and last names",
    run: (w) => w.tracker.persons.new({ firstName: " ", lastName: " " }),
    says: ["firstName"],
  },
  {
    name: 'a person role "god"',
    run: (w) => w.tracker.persons.new(bad({ firstName: "Eve", lastName: "Doe", role: "god" })),
    says: ["role"],
  },
  {
    name: "a duplicate person e-mail in another case",
    run: (w) => w.tracker.persons.new({ firstName: "Al", lastName: "M", email: "ALICE@bunny-escape.example.com" }),
    error: ConflictError,
    says: ["ALICE@bunny-escape.example.com", "email"],
  },
  // numbers
  {
    name: "frameIn after frameOut",
    run: (w) => w.sequence.shots.new({ name: "sh070", frameIn: 200, frameOut: 100 }),
    says: ["frameIn", "frameOut", "200", "100"],
  },
  {
    name: "a negative frameIn",
    run: (w) => w.sequence.shots.new({ name: "sh070", frameIn: -5, frameOut: 10 }),
    says: ["frameIn", "0"],
  },
  {
    name: "a negative frame count",
    run: (w) => w.sequence.shots.new({ name: "sh070", nbFrames: -48 }),
    says: ["nbFrames"],
  },
  { name: "frameIn: NaN", run: (w) => w.sequence.shots.new({ name: "sh070", frameIn: Number.NaN }), says: ["frameIn"] },
  {
    name: "frameOut: Infinity",
    run: (w) => w.sequence.shots.new({ name: "sh070", frameOut: Number.POSITIVE_INFINITY }),
    says: ["frameOut"],
  },
  { name: "frameIn: 1.5", run: (w) => w.sequence.shots.new({ name: "sh070", frameIn: 1.5 }), says: ["frameIn"] },
  {
    name: 'frameIn: "101"',
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", frameIn: "101" })),
    says: ["frameIn", "number"],
  },
  {
    name: "frameIn: 2 ** 53",
    run: (w) => w.sequence.shots.new({ name: "sh070", frameIn: 2 ** 53 }),
    says: ["frameIn"],
  },
  { name: "fps: 0", run: (w) => w.sequence.shots.new({ name: "sh070", fps: 0 }), says: ["fps"] },
  { name: "fps: -24", run: (w) => w.tracker.projects.new({ name: "New Film", fps: -24 }), says: ["fps"] },
  {
    name: "task difficulty 9",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", difficulty: 9 }),
    says: ["difficulty"],
  },
  {
    name: "task priority NaN",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", priority: Number.NaN }),
    says: ["priority"],
  },
  {
    name: "a negative task estimation",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", estimation: -3600 }),
    says: ["estimation"],
  },
  {
    name: "an estimation of { hours: -1 }",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", estimation: { hours: -1 } }),
    says: ["estimation"],
  },
  {
    name: "an estimation of { hourz: 2 }",
    run: (w) => w.shot.tasks.new(bad({ taskType: "Layout", name: "extra", estimation: { hourz: 2 } })),
    says: ["estimation", "hourz"],
  },
  {
    name: 'an estimation of "2h"',
    run: (w) => w.shot.tasks.new(bad({ taskType: "Layout", name: "extra", estimation: "2h" })),
    says: ["estimation"],
  },
  // dates
  {
    name: "2026-02-30 as a project start date",
    run: (w) => w.tracker.projects.new({ name: "New Film", startDate: "2026-02-30" }),
    says: ["startDate", "2026-02-30"],
  },
  {
    name: "2026-13-01 as a task due date",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", dueDate: "2026-13-01" }),
    says: ["dueDate"],
  },
  {
    name: "0026-01-05 as a project start date (a year out of range)",
    run: (w) => w.tracker.projects.new({ name: "New Film", startDate: "0026-01-05" }),
    says: ["startDate", "1900"],
  },
  {
    name: "a Date object as a due date",
    run: (w) => w.shot.tasks.new(bad({ taskType: "Layout", name: "extra", dueDate: new Date() })),
    says: ["dueDate", "YYYY-MM-DD"],
  },
  {
    name: "05/01/2026 as a start date",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", startDate: "05/01/2026" }),
    says: ["startDate", "YYYY-MM-DD"],
  },
  {
    name: "a project ending before it starts",
    run: (w) => w.tracker.projects.new({ name: "New Film", startDate: "2026-06-01", endDate: "2026-01-01" }),
    says: ["startDate", "endDate"],
  },
  {
    name: "a task due before it starts",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", startDate: "2026-03-01", dueDate: "2026-02-01" }),
    says: ["startDate", "dueDate"],
  },
  // references
  {
    name: "shots.new({ sequence }) given the id of a task",
    run: (w) => w.project.shots.new({ name: "sh070", sequence: w.task.id }),
    says: (w) => ["sequence", w.task.id, "task"],
  },
  {
    name: "shots.new({ sequence }) given a task",
    run: (w) => w.project.shots.new({ name: "sh070", sequence: bad(w.task) }),
    says: ["expects a sequence", "a task"],
  },
  {
    name: "shots.new({ sequence }) of another project",
    run: (w) => w.project.shots.new({ name: "sh070", sequence: w.other.sequence }),
    error: NotFoundError,
    says: ["sequence", "another project"],
  },
  {
    name: "shots.new({ sequence }) of another tracker's session",
    run: (w) => w.project.shots.new({ name: "sh070", sequence: w.foreign.sequence }),
    error: NotFoundError,
    says: (w) => ["sequence", w.foreign.sequence.id],
  },
  {
    name: 'shots.new({ sequence: "sq999" })',
    run: (w) => w.project.shots.new({ name: "sh070", sequence: "sq999" }),
    error: NotFoundError,
    says: ['"sq999"'],
  },
  {
    name: "project.shots.new() without a sequence",
    run: (w) => w.project.shots.new({ name: "sh070" }),
    says: ["sequence"],
  },
  {
    name: "shots.new({ sequence: 42 })",
    run: (w) => w.project.shots.new(bad({ name: "sh070", sequence: 42 })),
    says: ["sequence"],
  },
  {
    name: "shots.new({ sequence: {} })",
    run: (w) => w.project.shots.new(bad({ name: "sh070", sequence: {} })),
    says: ["sequence"],
  },
  {
    name: "shots.new({ project }) of another project in a sequence's collection",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", project: w.other.project })),
    says: ["project"],
  },
  {
    name: "assets.new({ assetType }) given a task type",
    run: (w) => w.project.assets.new({ name: "Hat", assetType: bad(w.animation) }),
    says: ["expects an asset type", "a task type"],
  },
  {
    name: 'assets.new({ assetType: "Vehicle" }): no such type',
    run: (w) => w.project.assets.new({ name: "Hat", assetType: "Vehicle" }),
    error: NotFoundError,
    says: ['"Vehicle"'],
  },
  {
    name: "assets.new() without an asset type",
    run: (w) => w.project.assets.new(bad({ name: "Hat" })),
    says: ["assetType"],
  },
  {
    name: "assets.new({ assetType }) given a shot id",
    run: (w) => w.project.assets.new({ name: "Hat", assetType: w.shot.id }),
    says: (w) => ["asset type", w.shot.id, "shot"],
  },
  {
    name: "tasks.new({ taskType }) for assets on a shot",
    run: (w) => w.shot.tasks.new({ taskType: "Modeling" }),
    says: ['"Modeling"', "assets"],
  },
  {
    name: "tasks.new({ taskType }) given a shot",
    run: (w) => w.shot.tasks.new({ taskType: bad(w.shot) }),
    says: ["expects a task type", "a shot"],
  },
  {
    name: "tasks.new({ taskType }) a second Animation task",
    run: (w) => w.shot.tasks.new({ taskType: "Animation" }),
    error: ConflictError,
    says: ['"Animation"', '"main"', 'shot "sh060"', "tasks.fetch"],
  },
  {
    name: 'tasks.new({ assignees: "alice" }): not a list',
    run: (w) => w.shot.tasks.new(bad({ taskType: "Layout", name: "extra", assignees: "alice" })),
    says: ["assignees", "array"],
  },
  {
    name: "tasks.new({ assignees: [a shot] })",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", assignees: [bad(w.shot)] }),
    says: ["expects a person", "a shot"],
  },
  {
    name: 'tasks.new({ assignees: ["nobody"] })',
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", assignees: ["nobody"] }),
    error: NotFoundError,
    says: ['"nobody"'],
  },
  {
    name: "project.tasks.new() without an entity",
    run: (w) => w.project.tasks.new(bad({ taskType: "Layout" })),
    says: ["entity"],
  },
  {
    name: "project.tasks.new({ entity }) of another project",
    run: (w) => w.project.tasks.new({ taskType: "Layout", entity: w.other.shot }),
    error: NotFoundError,
    says: ["another project"],
  },
  {
    name: 'playlists.new({ forEntity: "concept" }) (Zou plays no concept)',
    run: (w) => w.project.playlists.new(bad({ name: "Reviews", forEntity: "concept" })),
    says: ["forEntity"],
  },
  {
    name: "a duplicate playlist name",
    run: (w) => w.project.playlists.new({ name: "Dailies 2026-01-09" }),
    error: ConflictError,
    says: ['"Dailies 2026-01-09"'],
  },
  {
    name: "sequences.new({ episode }) on a short",
    run: (w) => w.project.sequences.new({ name: "sq500", episode: "ep01" }),
    error: NotFoundError,
    says: ['"ep01"'],
  },
  {
    name: "tasks.new() on another tracker's shot, with a task type of this one",
    run: (w) => w.foreign.shot.tasks.new({ taskType: w.animation }),
    error: NotFoundError,
    says: (w) => ["taskType", w.animation.id],
  },
  // newMany
  { name: 'newMany("x")', run: (w) => w.sequence.shots.newMany(bad("x")), says: ["newMany", "array"] },
  { name: "newMany(undefined)", run: (w) => w.sequence.shots.newMany(bad(undefined)), says: ["newMany", "array"] },
  {
    name: "newMany({ length: 1 })",
    run: (w) => w.sequence.shots.newMany(bad({ length: 1 })),
    says: ["newMany", "array"],
  },
  { name: "newMany([undefined])", run: (w) => w.sequence.shots.newMany(bad([undefined])), says: ["[0]", "undefined"] },
  {
    name: "newMany with a bad second input",
    run: (w) => w.sequence.shots.newMany([{ name: "sh070" }, { name: " " }]),
    says: ["[1]", "name"],
  },
  {
    name: "newMany with one name twice",
    run: (w) => w.sequence.shots.newMany([{ name: "sh070" }, { name: "sh070" }]),
    error: ConflictError,
    says: ['"sh070"', "twice"],
  },
  {
    name: "newMany with a name the tracker has",
    run: (w) => w.sequence.shots.newMany([{ name: "sh070" }, { name: "sh010" }]),
    error: ConflictError,
    says: ['"sh010"'],
  },
  {
    name: "newMany({ concurrency: 0 })",
    run: (w) => w.sequence.shots.newMany([{ name: "sh070" }], { concurrency: 0 }),
    says: ["concurrency"],
  },
  {
    name: 'newMany({ concurrency: "8" })',
    run: (w) => w.sequence.shots.newMany([{ name: "sh070" }], bad({ concurrency: "8" })),
    says: ["concurrency"],
  },
];

corpus("creates", cases);
