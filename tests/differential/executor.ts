import type {
  AnyEntity,
  Asset,
  Comment,
  Preview,
  Project,
  ReadCollection,
  Sequence,
  Shot,
  Task,
  TaskStatus,
} from "@gadget/core";
import { png, type RunFiles } from "./files.js";
import { type CustomData, type CustomValue, MISSING, type Op, type Ref } from "./ops.js";
import type { Side } from "./side.js";

/*
 * Runs one operation on one backend through the public API, exactly as a TD would write it, and
 * returns what the API returned (entities, lists, plain values). Errors propagate to the runner.
 */

const SPECIAL_DATE = new Date("2026-01-02T03:04:05.000Z");

function customValue(value: CustomValue): unknown {
  if (Array.isArray(value)) return value.map(customValue);
  if (value !== null && typeof value === "object") {
    if ("$special" in value) return value.$special === "date" ? new Date(SPECIAL_DATE) : Number.NaN;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, customValue(v)]));
  }
  return value;
}

function custom(data: CustomData | undefined): Record<string, unknown> | undefined {
  return data === undefined ? undefined : (customValue(data) as Record<string, unknown>);
}

/** Stands for a record that does not exist, in the form the operation asks for. */
const missing = { name: "no-such-record", id: "00000000-0000-4000-8000-000000000000" };

/** A relation as the API takes it: the entity's name (a status's short name), the entity, or its id. */
function ref(side: Side, r: Ref): string | AnyEntity {
  if (r.alias === MISSING) return r.form === "id" ? missing.id : missing.name;
  const entity = side.entity(r.alias);
  if (r.form === "entity") return entity;
  if (r.form === "id") return entity.id;
  return entity.kind === "taskStatus" ? (entity as TaskStatus).shortName : entity.name;
}

const isRef = (value: unknown): value is { $ref: Ref } =>
  value !== null && typeof value === "object" && "$ref" in (value as object);

/** Query values and saved fields with their `{ $ref }` (also inside arrays) resolved for this backend. */
function resolveRefs(side: Side, values: Record<string, unknown>): Record<string, unknown> {
  const one = (value: unknown): unknown => (isRef(value) ? ref(side, value.$ref) : value);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.map(one) : one(value)]),
  );
}

type AnyCollection = ReadCollection<never> & {
  get(q: unknown): Promise<AnyEntity>;
  find(q: unknown): Promise<AnyEntity | undefined>;
  filter(q: unknown): Promise<AnyEntity[]>;
  all(): Promise<AnyEntity[]>;
  iterate(q?: unknown): AsyncIterable<AnyEntity>;
  withTasks(q?: unknown): Promise<AnyEntity[]>;
  new (input: unknown): Promise<AnyEntity>;
};

function collection(side: Side, owner: string | undefined, rel: string): AnyCollection {
  const holder = owner === undefined ? side.tracker : side.entity(owner);
  const found = (holder as unknown as Record<string, unknown>)[rel];
  if (found === undefined) throw new Error(`no collection ${owner ?? "tracker"}.${rel}`);
  return found as AnyCollection;
}

/** Runs `op` on one backend: the API's answer, or the error it threw. */
export async function execute(side: Side, op: Op, files: RunFiles): Promise<unknown> {
  const { tracker } = side;
  switch (op.type) {
    case "project.new": {
      const project = await tracker.projects.new({
        name: op.name,
        productionType: op.productionType,
        ...(op.fps === undefined ? {} : { fps: op.fps }),
        ...(op.customData ? { customData: custom(op.customData) } : {}),
      });
      side.register(op.alias, project);
      return project;
    }
    case "episode.new":
      return created(side, op.alias, side.entity<Project>(op.project).episodes.new({ name: op.name }));
    case "sequence.new":
      return created(
        side,
        op.alias,
        side.entity<Project>(op.project).sequences.new({
          name: op.name,
          ...(op.episode ? { episode: ref(side, op.episode) } : {}),
        } as never),
      );
    case "shot.new": {
      const input = {
        name: op.name,
        ...(op.frameIn === undefined ? {} : { frameIn: op.frameIn }),
        ...(op.frameOut === undefined ? {} : { frameOut: op.frameOut }),
        ...(op.customData ? { customData: custom(op.customData) } : {}),
      };
      const made =
        op.via === "sequence"
          ? side.entity<Sequence>(op.sequence.alias).shots.new(input)
          : side.entity<Project>(op.project).shots.new({ ...input, sequence: ref(side, op.sequence) } as never);
      return created(side, op.alias, made);
    }
    case "asset.new":
      return created(
        side,
        op.alias,
        side.entity<Project>(op.project).assets.new({
          name: op.name,
          assetType: ref(side, op.assetType),
          ...(op.customData ? { customData: custom(op.customData) } : {}),
        } as never),
      );
    case "task.new":
      return created(
        side,
        op.alias,
        side.entity<Shot | Asset>(op.entity).tasks.new({
          taskType: ref(side, op.taskType),
          ...(op.assignees ? { assignees: op.assignees.map((a) => ref(side, a)) } : {}),
        } as never),
      );
    case "person.new":
      return created(
        side,
        op.alias,
        tracker.persons.new({ firstName: op.firstName, lastName: op.lastName, email: op.email }),
      );
    case "playlist.new":
      return created(side, op.alias, side.entity<Project>(op.project).playlists.new({ name: op.name }));
    case "save": {
      const entity = side.entity(op.target);
      Object.assign(entity, resolveRefs(side, op.fields));
      for (const [key, value] of Object.entries(op.customData ?? {})) entity.customData[key] = customValue(value);
      return entity.save();
    }
    case "delete":
      return side.entity(op.target).delete({ force: op.force });
    case "refresh":
      return side.entity(op.target).refresh();
    case "load":
      return tracker.load(op.kind as never, op.id.startsWith("@") ? side.entity(op.id.slice(1)).id : op.id);
    case "query": {
      const c = collection(side, op.collection.owner, op.collection.rel);
      const q = resolveRefs(side, op.where);
      if (op.verb === "all") return c.all();
      if (op.verb === "iterate") {
        const out: AnyEntity[] = [];
        for await (const e of c.iterate(q)) out.push(e);
        return out;
      }
      return c[op.verb](q);
    }
    case "publish":
      return publish(side, op, files);
    case "preview.setMain": {
      const preview = side.entity<Preview>(op.preview);
      await preview.setMain();
      const task = await tracker.load("task", preview.taskId);
      return { entity: await task.entity() };
    }
    case "preview.download": {
      const download = await side.entity<Preview>(op.preview).download();
      let bytes = 0;
      for await (const part of download.stream) bytes += (part as Buffer).length;
      return { fileName: download.fileName, size: download.size, bytes };
    }
    case "assign":
      return side.entity<Task>(op.task).assign(ref(side, op.person));
    case "unassign":
      return side.entity<Task>(op.task).unassign(ref(side, op.person));
    case "timeSpent": {
      const task = side.entity<Task>(op.task);
      const row = await task.timeSpent[op.mode](ref(side, op.person), op.date, op.seconds);
      side.nameId(row.id, `${op.task}/time:${op.date}`);
      return row;
    }
    case "casting.set":
      return side
        .entity<Shot | Asset>(op.owner)
        .casting.set(op.entries.map((e) => ({ asset: ref(side, e.asset), occurrences: e.occurrences })));
    case "casting.get":
      return side.entity<Shot | Asset>(op.owner).casting.get();
    case "castIn":
      return side.entity<Asset>(op.asset).castIn();
    case "playlist.add":
      return side
        .entity<import("@gadget/core").Playlist>(op.playlist)
        .add(op.entities.map((alias) => ({ entity: side.entity(alias) as Shot })));
    case "playlist.remove":
      return side
        .entity<import("@gadget/core").Playlist>(op.playlist)
        .remove(op.entities.map((alias) => side.entity(alias) as Shot));
    case "team.add":
    case "team.remove": {
      const project = side.entity<Project>(op.project);
      await project.team[op.type === "team.add" ? "add" : "remove"](ref(side, op.person));
      return { team: [...project.team.ids] };
    }
    case "team.all":
      return side.entity<Project>(op.project).team.all();
    case "tasks.fetch":
      return side.entity<Shot | Asset>(op.entity).tasks.fetch(ref(side, op.taskType) as never);
    case "search":
      return tracker.search(op.text, { project: side.entity<Project>(op.project) });
    case "raw.get": {
      const body = await tracker.raw.get(op.path);
      return { type: Array.isArray(body) ? "array" : typeof body };
    }
    case "concurrent.new": {
      const seq = side.entity<Sequence>(op.sequence);
      const settled = await Promise.allSettled([seq.shots.new({ name: op.name }), seq.shots.new({ name: op.name })]);
      const outcomes = settled.map((s) => (s.status === "fulfilled" ? "created" : (s.reason as Error).name)).sort();
      // Whatever landed goes again, so that both stores agree after this step.
      for (const shot of await seq.shots.filter({ name: op.name })) await shot.delete({ force: true });
      return { outcomes };
    }
  }
}

async function created<E extends AnyEntity>(side: Side, alias: string, made: Promise<E>): Promise<E> {
  const entity = await made;
  side.register(alias, entity);
  return entity;
}

async function publish(side: Side, op: Extract<Op, { type: "publish" }>, files: RunFiles): Promise<unknown> {
  const task = side.entity<Task>(op.task);
  const previews = op.previews.map((p, i) => files.write(`${op.alias}-v${i + 1}.png`, png(p.width, p.height, p.color)));
  const attachments = op.attachments.map((text, i) => files.write(`${op.alias}-note${i + 1}.txt`, text));
  const status =
    op.status === undefined ? undefined : "unknown" in op.status ? op.status.unknown : ref(side, op.status);
  const comment: Comment = await task.comments.new({
    comment: op.text,
    ...(status === undefined ? {} : { status: status as never }),
    ...(previews.length > 0 ? { preview: previews } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(op.checklist ? { checklist: op.checklist } : {}),
    setMainPreview: op.setMainPreview,
  });
  side.register(op.alias, comment);
  for (const [i, id] of comment.previewIds.entries()) {
    side.register(`${op.alias}/preview${i + 1}`, await side.tracker.load("preview", id));
  }
  // The task object as publishing left it, and as the tracker has it now (a stale task is reread).
  return { comment, task, reloaded: await side.tracker.load("task", task.id) };
}
