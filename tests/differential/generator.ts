import { MISSING, type Op, type QueryValue, type Ref, type RefForm } from "./ops.js";
import { Rng } from "./prng.js";
import { refAlias, referenceAssetTypes, referenceStatuses, referenceTaskTypes } from "./reference.js";
import { assetName, customData, day, firstName, word } from "./values.js";
import { type WEntity, World } from "./world.js";

/*
 * The seeded generator of operation sequences. It draws the next operation from what the run has
 * created so far (World), mostly operations that should succeed, some failing on purpose
 * (duplicates, missing parents, unknown filter keys, bad ids), and, at a low rate, the operations
 * that exercise the known differences of the allow-list.
 */

export interface GeneratorOptions {
  /** Part of every project name, person e-mail and studio-wide name: keeps runs on a shared tracker apart. */
  runTag: string;
  /**
   * Draw the operations whose backends are known to differ (search, raw, concurrent creates,
   * Date/NaN custom data, tvshow projects, person departments).
   *
   * @default true
   */
  knownDifferences?: boolean;
}

type Maker = () => Op | undefined;

const BAD_ID = "00000000-0000-4000-8000-000000000000";
const shotTypes = referenceTaskTypes.filter((t) => t.forShots).map((t) => refAlias("taskType", t.name));
const assetTaskTypes = referenceTaskTypes.filter((t) => !t.forShots).map((t) => refAlias("taskType", t.name));
const statuses = referenceStatuses.map((s) => refAlias("taskStatus", s.shortName));
const assetTypes = referenceAssetTypes.map((name) => refAlias("assetType", name));

export class Generator {
  readonly world = new World();
  private readonly rng: Rng;
  private readonly tag: string;
  private readonly known: boolean;

  constructor(seed: number, options: GeneratorOptions) {
    this.rng = new Rng(seed);
    this.tag = options.runTag;
    this.known = options.knownDifferences ?? true;
  }

  /** Tells the generator what the last operation did, so the next one builds on it. */
  observe(op: Op, ok: boolean, value: unknown): void {
    this.world.observe(op, ok, value as never);
  }

  next(): Op {
    const w = this.world;
    if (w.projects.length === 0) return this.newProject("short");
    const makers: [number, Maker][] = [
      [w.projects.length < 3 ? 2 : 0, () => this.newProject()],
      [3, () => this.newSequence()],
      [10, () => this.newShot()],
      [6, () => this.newAsset()],
      [9, () => this.newTask()],
      [w.persons.length < 5 ? 3 : 0, () => this.newPerson()],
      [2, () => this.newPlaylist()],
      [1, () => this.newEpisode()],
      [10, () => this.save()],
      [3, () => this.remove()],
      [5, () => this.refresh()],
      [3, () => this.load()],
      [16, () => this.query()],
      [10, () => this.publish()],
      [2, () => this.setMain()],
      [1, () => this.download()],
      [5, () => this.assign()],
      [4, () => this.timeSpent()],
      [4, () => this.casting()],
      [3, () => this.playlistEntries()],
      [3, () => this.team()],
      [3, () => this.fetchTask()],
      [4, () => this.duplicate()],
      [2, () => this.missingParent()],
      [this.known ? 1 : 0, () => this.knownDifference()],
    ];
    for (let attempt = 0; attempt < 50; attempt++) {
      const weights = Object.fromEntries(makers.map(([weight], i) => [String(i), weight]));
      const op = makers[Number(this.rng.weighted(weights))]![1]();
      if (op) return op;
    }
    return this.newSequence() ?? this.newProject("short");
  }

  // ---- helpers ----

  private form(): RefForm {
    return this.rng.pick(["name", "entity", "id"] as const);
  }

  private ref(alias: string, form: RefForm = this.form()): Ref {
    return { alias, form };
  }

  private alias(kind: string): string {
    return `${kind}${this.world.next()}`;
  }

  private project() {
    return this.rng.pick(this.world.projects);
  }

  private live(kind?: "shot" | "asset"): WEntity | undefined {
    const list = this.world.entities.filter((e) => kind === undefined || e.kind === kind);
    return list.length > 0 ? this.rng.pick(list) : undefined;
  }

  private pickOf<T>(items: readonly T[]): T | undefined {
    return items.length > 0 ? this.rng.pick(items) : undefined;
  }

  // ---- creates ----

  private newProject(type?: "short" | "featurefilm" | "tvshow"): Op {
    const n = this.world.next();
    const productionType =
      type ?? (this.known && this.rng.chance(0.3) ? "tvshow" : this.rng.pick(["short", "featurefilm"] as const));
    return {
      type: "project.new",
      alias: `project${n}`,
      name: `diff ${this.tag} p${n}`,
      productionType,
      ...(this.rng.chance(0.5) ? { fps: this.rng.pick([24, 25, 30]) } : {}),
      ...(this.rng.chance(0.4) ? { customData: customData(this.rng) } : {}),
    };
  }

  private newEpisode(): Op | undefined {
    const project = this.pickOf(this.world.projects.filter((p) => p.type === "tvshow"));
    if (!project) return undefined;
    const n = this.world.next();
    return { type: "episode.new", project: project.alias, alias: `episode${n}`, name: `ep${n}` };
  }

  private newSequence(): Op {
    const project = this.project();
    const n = this.world.next();
    const episode = this.pickOf(this.world.episodes.filter((e) => e.project === project.alias));
    return {
      type: "sequence.new",
      project: project.alias,
      alias: `sequence${n}`,
      name: `sq${String(n).padStart(3, "0")}`,
      ...(episode && this.rng.chance(0.7) ? { episode: this.ref(episode.alias, "entity") } : {}),
    };
  }

  private newShot(): Op | undefined {
    const seq = this.pickOf(this.world.sequences);
    if (!seq) return undefined;
    const n = this.world.next();
    const frameIn = this.rng.chance(0.6) ? this.rng.int(1, 200) : undefined;
    return {
      type: "shot.new",
      via: this.rng.pick(["sequence", "project"] as const),
      project: seq.project,
      sequence: this.ref(seq.alias),
      alias: `shot${n}`,
      name: `sh${String(n * 10).padStart(4, "0")}`,
      ...(frameIn === undefined ? {} : { frameIn, frameOut: frameIn + this.rng.int(0, 120) }),
      ...(this.rng.chance(0.4) ? { customData: customData(this.rng) } : {}),
    };
  }

  private newAsset(): Op {
    const project = this.project();
    const n = this.world.next();
    return {
      type: "asset.new",
      project: project.alias,
      alias: `asset${n}`,
      name: assetName(this.rng, n),
      assetType: this.ref(this.rng.pick(assetTypes), this.rng.pick(["name", "entity", "id"] as const)),
      ...(this.rng.chance(0.4) ? { customData: customData(this.rng) } : {}),
    };
  }

  private newTask(): Op | undefined {
    const entity = this.live();
    if (!entity) return undefined;
    const types = entity.kind === "shot" ? shotTypes : assetTaskTypes;
    const taken = new Set(this.world.tasks.filter((t) => t.entity === entity.alias).map((t) => t.taskType));
    const free = types.filter((t) => !taken.has(t));
    if (free.length === 0) return undefined;
    const assignees = this.rng.some(this.world.persons, 2).map((p) => this.ref(p.alias));
    return {
      type: "task.new",
      entity: entity.alias,
      alias: this.alias("task"),
      taskType: this.ref(this.rng.pick(free)),
      ...(assignees.length > 0 ? { assignees } : {}),
    };
  }

  private newPerson(): Op {
    const n = this.world.next();
    return {
      type: "person.new",
      alias: `person${n}`,
      firstName: firstName(this.rng),
      lastName: `Diff${n} ${this.tag}`,
      email: `p${n}.${this.tag.replace(/[^a-z0-9]/gi, "").toLowerCase()}@example.com`,
    };
  }

  private newPlaylist(): Op {
    const n = this.world.next();
    return { type: "playlist.new", project: this.project().alias, alias: `playlist${n}`, name: `Dailies ${n}` };
  }

  // ---- updates, deletes, reads ----

  private save(): Op | undefined {
    const r = this.rng;
    const kind = r.weighted({ shot: 4, asset: 2, task: 3, sequence: 1, project: 1, person: 1 });
    const custom = r.chance(0.6) ? customData(r, this.known && r.chance(0.08)) : undefined;
    const withCustom = (target: string, fields: Record<string, QueryValue>): Op => ({
      type: "save",
      target,
      fields,
      ...(custom ? { customData: custom } : {}),
    });
    if (kind === "shot" || kind === "asset") {
      const e = this.live(kind);
      if (!e) return undefined;
      const fields: Record<string, QueryValue> = {};
      if (r.chance(0.4)) fields.description = word(r);
      if (kind === "shot" && r.chance(0.4)) {
        fields.frameIn = r.int(1, 100);
        fields.frameOut = r.int(100, 300);
      }
      if (r.chance(0.1)) fields.canceled = !e.canceled;
      return withCustom(e.alias, fields);
    }
    if (kind === "task") {
      const t = this.pickOf(this.world.tasks);
      if (!t) return undefined;
      const fields: Record<string, QueryValue> = {};
      if (r.chance(0.3)) fields.description = word(r);
      if (r.chance(0.3)) fields.priority = r.int(0, 3);
      if (r.chance(0.3)) fields.difficulty = r.int(1, 5);
      if (r.chance(0.3)) fields.dueDate = day(r);
      // Kitsu stores minutes: a count of seconds that is not whole minutes tests the rounding.
      if (r.chance(0.3)) fields.estimation = r.chance(0.7) ? r.int(0, 40) * 1800 : r.int(1, 5000);
      return withCustom(t.alias, fields);
    }
    if (kind === "sequence") {
      const s = this.pickOf(this.world.sequences);
      return s ? withCustom(s.alias, r.chance(0.5) ? { description: word(r) } : {}) : undefined;
    }
    if (kind === "project") {
      const p = this.project();
      return withCustom(p.alias, r.chance(0.5) ? { description: word(r), fps: r.pick([24, 25, 50]) } : {});
    }
    const person = this.pickOf(this.world.persons);
    if (!person) return undefined;
    const fields: Record<string, QueryValue> = { firstName: firstName(r) };
    if (this.known && r.chance(0.3)) {
      fields.departmentIds = [{ $ref: this.ref(refAlias("department", r.pick(["Animation", "Modeling"])), "id") }];
    }
    return { type: "save", target: person.alias, fields };
  }

  private remove(): Op | undefined {
    const r = this.rng;
    const kind = r.weighted({ entity: 5, task: 2, sequence: 1, playlist: 1 });
    if (kind === "entity") {
      const e = this.live();
      return e ? { type: "delete", target: e.alias, force: r.chance(0.5) } : undefined;
    }
    if (kind === "task") {
      const t = this.pickOf(this.world.tasks);
      return t ? { type: "delete", target: t.alias, force: r.chance(0.5) } : undefined;
    }
    if (kind === "sequence") {
      // A sequence with shots is refused (or not): both backends must agree.
      const s = this.pickOf(this.world.sequences);
      return s ? { type: "delete", target: s.alias, force: r.chance(0.3) } : undefined;
    }
    const p = this.pickOf(this.world.playlists);
    return p ? { type: "delete", target: p.alias, force: false } : undefined;
  }

  private anyAlias(): string | undefined {
    const w = this.world;
    const all = [
      ...w.projects,
      ...w.sequences,
      ...w.entities,
      ...w.tasks,
      ...w.comments,
      ...w.persons,
      ...w.playlists,
      ...w.comments.flatMap((c) => c.previews.map((alias) => ({ alias }))),
    ];
    return this.pickOf(all)?.alias;
  }

  private refresh(): Op | undefined {
    // Now and then on something deleted: NotFoundError on both.
    const target =
      this.rng.chance(0.1) && this.world.deleted.length > 0 ? this.pickOf(this.world.deleted) : this.anyAlias();
    return target ? { type: "refresh", target } : undefined;
  }

  private load(): Op | undefined {
    const r = this.rng;
    const e = this.live();
    const choice = r.weighted({ good: 3, missing: 1, malformed: 1, wrongKind: 1 });
    if (choice === "missing") return { type: "load", kind: r.pick(["shot", "task", "asset"]), id: BAD_ID };
    if (choice === "malformed") return { type: "load", kind: r.pick(["shot", "task", "person"]), id: "not-an-id" };
    if (!e) return undefined;
    if (choice === "wrongKind") return { type: "load", kind: e.kind === "shot" ? "asset" : "shot", id: `@${e.alias}` };
    return { type: "load", kind: e.kind, id: `@${e.alias}` };
  }

  private query(): Op | undefined {
    const op = this.drawQuery();
    // all() takes no query: keep the printed operation honest.
    return op?.type === "query" && op.verb === "all" ? { ...op, where: {} } : op;
  }

  private drawQuery(): Op | undefined {
    const r = this.rng;
    const verb = r.pick(["get", "find", "filter", "filter", "all", "iterate"] as const);
    // A studio-wide all() would list the whole shared tracker: always filter there.
    const studioVerb = verb === "all" ? "filter" : verb;
    const w = this.world;
    const p = this.project();
    const choice = r.weighted({
      shots: 5,
      seqShots: 2,
      sequences: 2,
      assets: 3,
      tasks: 3,
      entityTasks: 2,
      comments: 3,
      previews: 1,
      timeSpents: 1,
      persons: 1,
      taskTypes: 1,
      taskStatuses: 1,
      projects: 1,
      playlists: 1,
      episodes: 1,
      badKey: 1,
      badId: 1,
    });
    const names = (list: { name: string }[]) => list.map((x) => x.name);
    switch (choice) {
      case "shots": {
        const shots = w.shots(p.alias);
        const seq = this.pickOf(w.sequences.filter((s) => s.project === p.alias));
        const where: Record<string, QueryValue> = {};
        const form = r.weighted({ name: 3, names: 2, sequence: 3, both: 2, canceled: 1, frameIn: 1, none: 1 });
        if ((form === "name" || form === "both") && shots.length > 0) where.name = r.pick(names(shots));
        if (form === "names") where.name = r.some(names(shots), 3);
        if ((form === "sequence" || form === "both") && seq) where.sequence = { $ref: this.ref(seq.alias) };
        if (form === "canceled") where.canceled = !r.chance(0.7);
        if (form === "frameIn") where.frameIn = r.int(1, 200);
        const withTasks = r.chance(0.15);
        return {
          type: "query",
          collection: { owner: p.alias, rel: "shots" },
          verb: withTasks ? "withTasks" : verb,
          where,
        };
      }
      case "seqShots": {
        const seq = this.pickOf(w.sequences);
        if (!seq) return undefined;
        const shots = w.shots().filter((s) => s.parent === seq.alias);
        const where: Record<string, QueryValue> =
          shots.length > 0 && r.chance(0.6) ? { name: r.pick(names(shots)) } : {};
        return { type: "query", collection: { owner: seq.alias, rel: "shots" }, verb, where };
      }
      case "sequences": {
        const seqs = w.sequences.filter((s) => s.project === p.alias);
        const where: Record<string, QueryValue> = seqs.length > 0 && r.chance(0.6) ? { name: r.pick(names(seqs)) } : {};
        return { type: "query", collection: { owner: p.alias, rel: "sequences" }, verb, where };
      }
      case "assets": {
        const assets = w.assets(p.alias);
        const where: Record<string, QueryValue> = {};
        if (r.chance(0.5)) where.assetType = { $ref: this.ref(r.pick(assetTypes)) };
        if (assets.length > 0 && r.chance(0.4))
          where.name = r.chance(0.5) ? r.pick(names(assets)) : r.some(names(assets), 3);
        return {
          type: "query",
          collection: { owner: p.alias, rel: "assets" },
          verb: r.chance(0.15) ? "withTasks" : verb,
          where,
        };
      }
      case "tasks": {
        const where: Record<string, QueryValue> = {};
        if (r.chance(0.5)) where.taskType = { $ref: this.ref(r.pick([...shotTypes, ...assetTaskTypes])) };
        if (r.chance(0.4)) where.status = { $ref: this.ref(r.pick(statuses)) };
        const t = this.pickOf(w.tasks.filter((x) => x.project === p.alias));
        if (t && r.chance(0.3)) where.entity = { $ref: this.ref(t.entity, r.chance(0.5) ? "id" : "entity") };
        return { type: "query", collection: { owner: p.alias, rel: "tasks" }, verb, where };
      }
      case "entityTasks": {
        const e = this.live();
        if (!e) return undefined;
        return {
          type: "query",
          collection: { owner: e.alias, rel: "tasks" },
          verb: r.pick(["all", "filter"]),
          where: {},
        };
      }
      case "comments":
      case "previews":
      case "timeSpents": {
        const t = this.pickOf(w.tasks);
        if (!t) return undefined;
        return { type: "query", collection: { owner: t.alias, rel: choice }, verb: "all", where: {} };
      }
      case "persons": {
        const persons = w.persons;
        if (persons.length === 0) return undefined;
        const emails = persons.map((x) => x.email);
        return {
          type: "query",
          collection: { rel: "persons" },
          verb: studioVerb,
          where: { email: r.chance(0.5) ? r.pick(emails) : r.some(emails, 3) },
        };
      }
      case "taskTypes":
        return {
          type: "query",
          collection: { rel: "taskTypes" },
          verb: r.pick(["filter", "get", "find"]),
          where: { name: r.chance(0.5) ? r.pick(["Animation", "Modeling"]) : ["Animation", "Layout", "Rigging"] },
        };
      case "taskStatuses":
        return {
          type: "query",
          collection: { rel: "taskStatuses" },
          verb: "filter",
          where: { shortName: r.some(["todo", "wip", "wfa", "retake", "done"], 4) },
        };
      case "projects":
        return {
          type: "query",
          collection: { rel: "projects" },
          verb: studioVerb,
          where: { name: r.chance(0.6) ? p.name : names(w.projects) },
        };
      case "playlists":
        return { type: "query", collection: { owner: p.alias, rel: "playlists" }, verb: "all", where: {} };
      case "episodes": {
        const tv = this.pickOf(w.projects.filter((x) => x.type === "tvshow"));
        return tv
          ? { type: "query", collection: { owner: tv.alias, rel: "episodes" }, verb: "all", where: {} }
          : undefined;
      }
      case "badKey":
        return { type: "query", collection: { owner: p.alias, rel: "shots" }, verb, where: { nmae: "sh0010" } };
      default:
        // A malformed id in an id filter, or a well-formed id of nothing.
        return {
          type: "query",
          collection: { owner: p.alias, rel: r.pick(["shots", "assets", "sequences"]) },
          verb: r.pick(["get", "find", "filter"]),
          where: { id: r.chance(0.5) ? BAD_ID : "not-an-id" },
        };
    }
  }

  // ---- work on tasks ----

  private publish(): Op | undefined {
    const r = this.rng;
    const t = this.pickOf(this.world.tasks);
    if (!t) return undefined;
    const statusChoice = r.weighted({ none: 2, known: 8, unknown: 1 });
    const count = { none: 0, one: 1, two: 2 }[r.weighted({ none: 4, one: 4, two: 1 })];
    const previews = Array.from({ length: count }, () => ({
      width: r.int(2, 24),
      height: r.int(2, 24),
      color: r.int(0, 0xffffff),
    }));
    return {
      type: "publish",
      task: t.alias,
      alias: this.alias("comment"),
      text: r.chance(0.8) ? `${word(r)} ${word(r)}`.trim() : "",
      ...(statusChoice === "known" ? { status: this.ref(r.pick(statuses), r.pick(["name", "entity", "id"])) } : {}),
      ...(statusChoice === "unknown" ? { status: { unknown: "no-such-status" } } : {}),
      previews,
      attachments: r.chance(0.2) ? [`notes ${word(r)}\n`] : [],
      ...(r.chance(0.2)
        ? { checklist: [{ text: word(r) || "check" }, { text: "timing", checked: r.chance(0.5) }] }
        : {}),
      setMainPreview: previews.length > 0 && r.chance(0.5),
    };
  }

  private setMain(): Op | undefined {
    const preview = this.pickOf(this.world.comments.flatMap((c) => c.previews));
    return preview ? { type: "preview.setMain", preview } : undefined;
  }

  private download(): Op | undefined {
    const preview = this.pickOf(this.world.comments.flatMap((c) => c.previews));
    return preview ? { type: "preview.download", preview } : undefined;
  }

  private assign(): Op | undefined {
    const t = this.pickOf(this.world.tasks);
    if (!t) return undefined;
    const assigned = [...t.assignees];
    if (assigned.length > 0 && this.rng.chance(0.3)) {
      return { type: "unassign", task: t.alias, person: this.ref(this.rng.pick(assigned)) };
    }
    const person = this.pickOf(this.world.persons);
    return person ? { type: "assign", task: t.alias, person: this.ref(person.alias) } : undefined;
  }

  private timeSpent(): Op | undefined {
    const r = this.rng;
    const t = this.pickOf(this.world.tasks);
    if (!t) return undefined;
    // Mostly an assignee; sometimes anyone (a person not assigned is refused).
    const pool = t.assignees.size > 0 && r.chance(0.8) ? [...t.assignees] : this.world.persons.map((p) => p.alias);
    const person = this.pickOf(pool);
    if (!person) return undefined;
    return {
      type: "timeSpent",
      mode: r.pick(["set", "add"] as const),
      task: t.alias,
      person: this.ref(person),
      date: day(r),
      seconds: r.chance(0.8) ? r.int(1, 16) * 1800 : r.int(1, 4000),
    };
  }

  private casting(): Op | undefined {
    const r = this.rng;
    const choice = r.weighted({ set: 3, get: 2, castIn: 2 });
    if (choice === "castIn") {
      const a = this.live("asset");
      return a ? { type: "castIn", asset: a.alias } : undefined;
    }
    const shot = this.live("shot");
    if (!shot) return undefined;
    if (choice === "get") return { type: "casting.get", owner: shot.alias };
    const assets = this.world.assets(shot.project);
    const entries = r.some(assets, 3).map((a) => ({ asset: this.ref(a.alias), occurrences: r.int(1, 4) }));
    return { type: "casting.set", owner: shot.alias, entries };
  }

  private playlistEntries(): Op | undefined {
    const playlist = this.pickOf(this.world.playlists);
    if (!playlist) return undefined;
    const shots = this.world.shots(playlist.project).map((s) => s.alias);
    const entities = this.rng.some(shots, 2);
    if (entities.length === 0) return undefined;
    return { type: this.rng.chance(0.7) ? "playlist.add" : "playlist.remove", playlist: playlist.alias, entities };
  }

  private team(): Op | undefined {
    const p = this.project();
    const choice = this.rng.weighted({ add: 3, remove: 1, all: 2 });
    if (choice === "all") return { type: "team.all", project: p.alias };
    const pool = choice === "remove" ? [...p.team] : this.world.persons.map((x) => x.alias);
    const person = this.pickOf(pool);
    return person
      ? { type: choice === "add" ? "team.add" : "team.remove", project: p.alias, person: this.ref(person) }
      : undefined;
  }

  private fetchTask(): Op | undefined {
    const e = this.live();
    if (!e) return undefined;
    const types = e.kind === "shot" ? shotTypes : assetTaskTypes;
    return {
      type: "tasks.fetch",
      entity: e.alias,
      taskType: this.ref(this.rng.pick(types), this.rng.pick(["name", "entity"])),
    };
  }

  // ---- errors on purpose ----

  private duplicate(): Op | undefined {
    const r = this.rng;
    const choice = r.weighted({ shot: 3, sequence: 2, project: 1, task: 2, person: 1 });
    if (choice === "shot") {
      const s = this.live("shot");
      const seq = s && this.world.sequences.find((x) => x.alias === s.parent);
      if (!s || !seq) return undefined;
      return {
        type: "shot.new",
        via: r.pick(["sequence", "project"]),
        project: s.project,
        sequence: this.ref(seq.alias),
        alias: this.alias("shot"),
        name: s.name,
      };
    }
    if (choice === "sequence") {
      const s = this.pickOf(this.world.sequences);
      return s ? { type: "sequence.new", project: s.project, alias: this.alias("sequence"), name: s.name } : undefined;
    }
    if (choice === "project") {
      const p = this.project();
      return { type: "project.new", alias: this.alias("project"), name: p.name, productionType: "short" };
    }
    if (choice === "task") {
      const t = this.pickOf(this.world.tasks);
      return t
        ? { type: "task.new", entity: t.entity, alias: this.alias("task"), taskType: this.ref(t.taskType) }
        : undefined;
    }
    const p = this.pickOf(this.world.persons);
    if (!p) return undefined;
    const [first, ...last] = p.name.split(" ");
    return {
      type: "person.new",
      alias: this.alias("person"),
      firstName: first!,
      lastName: last.join(" "),
      email: p.email,
    };
  }

  private missingParent(): Op | undefined {
    const r = this.rng;
    const p = this.project();
    const choice = r.weighted({ shot: 2, asset: 1, casting: 1 });
    if (choice === "shot") {
      return {
        type: "shot.new",
        via: "project",
        project: p.alias,
        sequence: this.ref(MISSING, r.pick(["name", "id"])),
        alias: this.alias("shot"),
        name: "sh9999",
      };
    }
    if (choice === "asset") {
      return {
        type: "asset.new",
        project: p.alias,
        alias: this.alias("asset"),
        name: "Orphan",
        assetType: this.ref(MISSING, r.pick(["name", "id"])),
      };
    }
    const shot = this.live("shot");
    return shot
      ? { type: "casting.set", owner: shot.alias, entries: [{ asset: this.ref(MISSING, "name"), occurrences: 1 }] }
      : undefined;
  }

  // ---- known differences (allow-listed) ----

  private knownDifference(): Op | undefined {
    const r = this.rng;
    const p = this.project();
    const choice = r.weighted({ search: 1, raw: 1, concurrent: 1, comments: 2 });
    if (choice === "search") {
      const target = this.pickOf([...this.world.shots(p.alias), ...this.world.assets(p.alias)]);
      return target ? { type: "search", text: target.name, project: p.alias } : undefined;
    }
    if (choice === "raw") return { type: "raw.get", path: "/data/task-status" };
    if (choice === "concurrent") {
      const seq = this.pickOf(this.world.sequences);
      return seq ? { type: "concurrent.new", sequence: seq.alias, name: `sh-race${this.world.next()}` } : undefined;
    }
    // Comments of a task that has several: their order is a known difference.
    const t = this.pickOf(
      this.world.tasks.filter((x) => this.world.comments.filter((c) => c.task === x.alias).length > 1),
    );
    return t ? { type: "query", collection: { owner: t.alias, rel: "comments" }, verb: "all", where: {} } : undefined;
  }
}
