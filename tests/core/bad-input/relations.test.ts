import { NotFoundError, PermissionError } from "@gadget/core";
import { type BadInput, bad, corpus } from "./corpus.js";

/* Casting, playlist entries, the team, assignment and time spent. */

const casting: BadInput[] = [
  {
    name: 'casting.set("Fox")',
    run: (w) => w.shot.casting.set(bad("Fox")),
    says: ["casting.set", '"Fox"', "[{ asset"],
  },
  {
    name: "casting.set(undefined)",
    run: (w) => w.shot.casting.set(bad(undefined)),
    says: ["casting.set", "undefined"],
  },
  {
    name: 'casting.set({ asset: "Fox" }): one entry, not a list',
    run: (w) => w.shot.casting.set(bad({ asset: "Fox" })),
    says: ["casting.set", "array"],
  },
  { name: "casting.set([undefined])", run: (w) => w.shot.casting.set(bad([undefined])), says: ["[0]"] },
  { name: "casting.set([{}]): no asset", run: (w) => w.shot.casting.set(bad([{}])), says: ["[0]", "asset"] },
  {
    name: 'casting.set(["Fox"]): names, not entries',
    run: (w) => w.shot.casting.set(bad(["Fox"])),
    says: ["[0]", '{ asset: "Fox" }'],
  },
  {
    name: 'casting.set([{ asset: "Nobody" }])',
    run: (w) => w.shot.casting.set([{ asset: "Nobody" }]),
    error: NotFoundError,
    says: ['"Nobody"'],
  },
  {
    name: "casting an asset of another project",
    run: (w) => w.shot.casting.set([{ asset: w.other.asset }]),
    error: NotFoundError,
    says: ["asset", "another project"],
  },
  {
    name: "casting an asset id of another project",
    run: (w) => w.shot.casting.set([{ asset: w.other.asset.id }]),
    error: NotFoundError,
    says: ["asset", "another project"],
  },
  {
    name: "casting a shot as an asset",
    run: (w) => w.shot.casting.set([{ asset: bad(w.other.shot) }]),
    says: ["expects an asset", "a shot"],
  },
  {
    name: "casting a shot id as an asset",
    run: (w) => w.shot.casting.set([{ asset: w.shot.id }]),
    says: (w) => ["asset", w.shot.id],
  },
  {
    name: "casting an asset of another tracker's session",
    run: (w) => w.shot.casting.set([{ asset: w.foreign.shot.id }]),
    error: NotFoundError,
    says: (w) => [w.foreign.shot.id],
  },
  {
    name: "casting occurrences: 0",
    run: (w) => w.shot.casting.set([{ asset: "Fox", occurrences: 0 }]),
    says: ["occurrences", "0"],
  },
  {
    name: "casting occurrences: 1.5",
    run: (w) => w.shot.casting.set([{ asset: "Fox", occurrences: 1.5 }]),
    says: ["occurrences"],
  },
  {
    name: "casting occurrences: NaN",
    run: (w) => w.shot.casting.set([{ asset: "Fox", occurrences: Number.NaN }]),
    says: ["occurrences"],
  },
  {
    name: 'casting occurrences: "2"',
    run: (w) => w.shot.casting.set([{ asset: "Fox", occurrences: bad("2") }]),
    says: ["occurrences"],
  },
  { name: "casting label: 5", run: (w) => w.shot.casting.set([{ asset: "Fox", label: bad(5) }]), says: ["label"] },
  {
    name: "casting { ocurrences }: a misspelled key",
    run: (w) => w.shot.casting.set([bad({ asset: "Fox", ocurrences: 2 })]),
    says: ['"ocurrences"', "occurrences"],
  },
  {
    name: "casting the same asset twice",
    run: (w) => w.shot.casting.set([{ asset: "Fox" }, { asset: w.asset }]),
    says: ['"Fox"', "twice"],
  },
  {
    name: "casting an asset in itself",
    run: (w) => w.asset.casting.set([{ asset: w.asset }]),
    says: ["Fox", "itself"],
  },
  {
    name: "casting on another tracker's shot, with an asset of this one",
    run: (w) => w.foreign.shot.casting.set([{ asset: w.asset.id }]),
    error: NotFoundError,
    says: (w) => [w.asset.id, "another tracker"],
  },
];

const playlists: BadInput[] = [
  { name: 'playlist.add("x")', run: (w) => w.playlist.add(bad("x")), says: ["playlist.add", '"x"', "[{ entity"] },
  { name: "playlist.add(undefined)", run: (w) => w.playlist.add(bad(undefined)), says: ["playlist.add", "undefined"] },
  {
    name: "playlist.add([shot]): entities, not entries",
    run: (w) => w.playlist.add(bad([w.shot])),
    says: ["[0]", "{ entity"],
  },
  { name: "playlist.add([{}])", run: (w) => w.playlist.add(bad([{}])), says: ["[0]", "entity"] },
  {
    name: 'playlist.add([{ entity: "sh010" }]): a name',
    run: (w) => w.playlist.add([{ entity: "sh010" }]),
    error: NotFoundError,
    says: ['"sh010"', "entity"],
  },
  {
    name: "adding another project's shot to a playlist",
    run: (w) => w.playlist.add([{ entity: w.other.shot }]),
    error: NotFoundError,
    says: ["shot", "another project"],
  },
  {
    name: "adding another project's shot id to a playlist",
    run: (w) => w.playlist.add([{ entity: w.other.shot.id }]),
    error: NotFoundError,
    says: ["another project"],
  },
  {
    name: "adding an asset to a playlist of shots",
    run: (w) => w.playlist.add([{ entity: w.asset }]),
    says: ["asset", "shots"],
  },
  {
    name: "adding a task to a playlist",
    run: (w) => w.playlist.add([{ entity: bad(w.task) }]),
    says: ["expects a shot or asset", "a task"],
  },
  {
    name: "adding a preview of another shot",
    run: (w) => w.playlist.add([{ entity: w.other.shot, preview: w.preview }]),
    error: NotFoundError,
    says: ["another project"],
  },
  {
    name: "adding a comment as the preview",
    run: (w) => w.playlist.add([{ entity: w.shot, preview: bad(w.comment) }]),
    says: ["expects a preview", "a comment"],
  },
  {
    name: "playlist entry { entitty }: a misspelled key",
    run: (w) => w.playlist.add([bad({ entitty: w.shot })]),
    says: ['"entitty"'],
  },
  { name: 'playlist.remove("x")', run: (w) => w.playlist.remove(bad("x")), says: ["playlist.remove", '"x"'] },
  { name: "playlist.remove([42])", run: (w) => w.playlist.remove(bad([42])), says: ["playlist.remove", "number"] },
  {
    name: "playlist.remove([a shot not in it])",
    run: (w) => w.playlist.remove([w.other.shot]),
    error: NotFoundError,
    says: ["not in playlist"],
  },
];

const team: BadInput[] = [
  { name: "team.add(undefined)", run: (w) => w.project.team.add(bad(undefined)), says: ["team.add", "undefined"] },
  { name: "team.add(42)", run: (w) => w.project.team.add(bad(42)), says: ["team.add", "number"] },
  { name: 'team.add("nobody")', run: (w) => w.project.team.add("nobody"), error: NotFoundError, says: ['"nobody"'] },
  { name: "team.add(a shot)", run: (w) => w.project.team.add(bad(w.shot)), says: ["expects a person", "a shot"] },
  { name: "team.add([alice]): a list", run: (w) => w.project.team.add(bad([w.artist])), says: ["team.add", "array"] },
  {
    name: "team.remove(a person not in the team)",
    run: async (w) => w.other.project.team.remove(w.artist),
    error: NotFoundError,
    says: ["not in the team"],
  },
  {
    name: "team.add(another tracker's project)",
    run: (w) => w.project.team.add(bad(w.foreign.project)),
    says: ["expects a person", "a project"],
  },
];

const assignment: BadInput[] = [
  { name: "assign(undefined)", run: (w) => w.task.assign(bad(undefined)), says: ["task.assign", "undefined"] },
  { name: "assign(42)", run: (w) => w.task.assign(bad(42)), says: ["task.assign", "number"] },
  { name: 'assign("")', run: (w) => w.task.assign(""), says: ["task.assign", "empty"] },
  { name: 'assign("nobody")', run: (w) => w.task.assign("nobody"), error: NotFoundError, says: ['"nobody"'] },
  { name: "assign(a shot)", run: (w) => w.task.assign(bad(w.shot)), says: ["expects a person", "a shot"] },
  { name: "assign([alice]): a list", run: (w) => w.task.assign(bad([w.artist])), says: ["task.assign", "array"] },
  { name: "assign(a shot id)", run: (w) => w.task.assign(w.shot.id), says: (w) => ["person", w.shot.id, "shot"] },
  { name: 'unassign("nobody")', run: (w) => w.task.unassign("nobody"), error: NotFoundError, says: ['"nobody"'] },
  {
    name: "unassign(a person not assigned)",
    run: (w) => w.other.task.unassign(w.artist),
    error: NotFoundError,
    says: ["not assigned"],
  },
];

const day = "2026-01-09";
const timeSpent: BadInput[] = [
  {
    name: "25 hours in one day",
    run: (w) => w.task.timeSpent.set(w.artist, day, { hours: 25 }),
    says: ["25", "24 hours"],
  },
  {
    name: "time added past 24 hours in one day",
    run: (w) => w.task.timeSpent.add(w.artist, "2026-01-07", { hours: 22 }),
    says: ["24 hours", "2026-01-07"],
  },
  {
    name: "2026-02-30 as a time-spent day",
    run: (w) => w.task.timeSpent.set(w.artist, "2026-02-30", 3600),
    says: ['"2026-02-30"', "YYYY-MM-DD"],
  },
  {
    name: "a Date object as a time-spent day",
    run: (w) => w.task.timeSpent.set(w.artist, bad(new Date()), 3600),
    says: ["YYYY-MM-DD"],
  },
  {
    name: "09/01/2026 as a time-spent day",
    run: (w) => w.task.timeSpent.set(w.artist, "09/01/2026", 3600),
    says: ['"09/01/2026"'],
  },
  {
    name: "1899-12-31 as a time-spent day",
    run: (w) => w.task.timeSpent.set(w.artist, "1899-12-31", 3600),
    says: ['"1899-12-31"'],
  },
  { name: "0 seconds of time spent", run: (w) => w.task.timeSpent.set(w.artist, day, 0), says: ["0", "positive"] },
  { name: "-3600 seconds of time spent", run: (w) => w.task.timeSpent.add(w.artist, day, -3600), says: ["duration"] },
  {
    name: "NaN seconds of time spent",
    run: (w) => w.task.timeSpent.set(w.artist, day, Number.NaN),
    says: ["duration"],
  },
  {
    name: "Infinity seconds of time spent",
    run: (w) => w.task.timeSpent.set(w.artist, day, Number.POSITIVE_INFINITY),
    says: ["duration"],
  },
  {
    name: '"3600" seconds of time spent',
    run: (w) => w.task.timeSpent.set(w.artist, day, bad("3600")),
    says: ["duration"],
  },
  {
    name: "{ hourz: 2 } of time spent",
    run: (w) => w.task.timeSpent.set(w.artist, day, bad({ hourz: 2 })),
    says: ["hourz"],
  },
  {
    name: '{ hours: "2" } of time spent',
    run: (w) => w.task.timeSpent.set(w.artist, day, bad({ hours: "2" })),
    says: ["hours"],
  },
  {
    name: "time spent by undefined",
    run: (w) => w.task.timeSpent.set(bad(undefined), day, 3600),
    says: ["task.timeSpent.set", "undefined"],
  },
  {
    name: 'time spent by "nobody"',
    run: (w) => w.task.timeSpent.set("nobody", day, 3600),
    error: NotFoundError,
    says: ['"nobody"'],
  },
  {
    name: "time spent by a shot",
    run: (w) => w.task.timeSpent.set(bad(w.shot), day, 3600),
    says: ["expects a person", "a shot"],
  },
  {
    name: "time spent by a person not assigned",
    run: async (w) => w.other.task.timeSpent.set(w.artist, day, 3600),
    error: PermissionError,
    says: ["not assigned", "task.assign"],
  },
];

corpus("relations", [...casting, ...playlists, ...team, ...assignment, ...timeSpent]);
