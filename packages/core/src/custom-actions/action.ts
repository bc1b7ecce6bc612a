import { NotFoundError, PermissionError } from "../errors.js";
import { contextOf } from "../model/meta/entity-state.js";
import type { Person } from "../model/person.js";
import type { Project } from "../model/project.js";
import type { Task } from "../model/task.js";
import type { TaskEntity } from "../model/types.js";
import type { Id } from "../schema/common.js";
import type { TaskEntityKind } from "../schema/tasks.js";
import type { Tracker } from "../session/tracker.js";
import type { CustomActionPayload } from "./payload.js";

/*
 * A custom action's POST resolved through a session, and refused unless it holds together: the
 * project exists, the person exists, is active, has the e-mail the payload says and works on the
 * project (or is a studio admin), and every selected id is a task (or an entity of the view's
 * type) of that project. Kitsu's post carries no credential: these checks make a forged post
 * name real, matching records; they do not prove who clicked (see the README).
 */

/** The view's entity types the model has, for selections of entities rather than tasks. */
const entityKinds: Record<string, TaskEntityKind> = {
  shot: "shot",
  asset: "asset",
  sequence: "sequence",
  episode: "episode",
};

const refuse = (reason: string, fix: string) => PermissionError.customActionRefused(reason, fix);

/**
 * One run of a custom action, checked: what `handle` receives. Its records are loaded through the
 * session (its identity map), so `tasks()` and `entities()` are the session's entities.
 */
export class CustomActionRequest {
  /** The payload as Kitsu posted it, normalized. */
  readonly payload: CustomActionPayload;
  /** True when Kitsu posted JSON (an AJAX action): the answer is JSON, else a small HTML page. */
  readonly ajax: boolean;
  /** The session the action runs through. */
  readonly tracker: Tracker;
  private readonly resolved: Resolved;

  private constructor(tracker: Tracker, payload: CustomActionPayload, ajax: boolean, resolved: Resolved) {
    this.tracker = tracker;
    this.payload = payload;
    this.ajax = ajax;
    this.resolved = resolved;
  }

  /**
   * The payload resolved and checked; a PermissionError names what does not hold together.
   *
   * @internal The handler builds it.
   */
  static async resolve(tracker: Tracker, payload: CustomActionPayload, ajax: boolean): Promise<CustomActionRequest> {
    return new CustomActionRequest(tracker, payload, ajax, await resolve(tracker, payload));
  }

  /** The person who ran the action. */
  async person(): Promise<Person> {
    return this.resolved.person;
  }

  /** The project the action ran in. */
  async project(): Promise<Project> {
    return this.resolved.project;
  }

  /** The selected tasks, in the order of the selection. */
  async tasks(): Promise<Task[]> {
    return [...this.resolved.tasks];
  }

  /**
   * The selected shots, assets, sequences or episodes: the entities of the selected tasks (each
   * once, in the order of the selection), and the entities selected themselves.
   */
  async entities(): Promise<TaskEntity[]> {
    const context = contextOf(this.resolved.project);
    const order: Id[] = [];
    const byKind = new Map<TaskEntityKind, Id[]>();
    for (const task of this.resolved.tasks) {
      if (order.includes(task.entityId)) continue;
      order.push(task.entityId);
      byKind.set(task.entityKind, [...(byKind.get(task.entityKind) ?? []), task.entityId]);
    }
    const found = new Map<Id, TaskEntity>();
    for (const [kind, ids] of byKind)
      for (const entity of await context.loadMany(kind, ids)) found.set(entity.id, entity as TaskEntity);
    for (const entity of this.resolved.entities) {
      if (!order.includes(entity.id)) order.push(entity.id);
      found.set(entity.id, entity);
    }
    return order.flatMap((id) => found.get(id) ?? []);
  }

  /** What a log shows of the request: who, where, how many ids. */
  toJSON(): Record<string, unknown> {
    const { personId, projectId, entityType, selection } = this.payload;
    return { personId, projectId, entityType, selected: selection.length, ajax: this.ajax };
  }
}

interface Resolved {
  person: Person;
  project: Project;
  tasks: readonly Task[];
  entities: readonly TaskEntity[];
}

async function resolve(tracker: Tracker, payload: CustomActionPayload): Promise<Resolved> {
  const project = await tracker.load("project", payload.projectId).catch((error: unknown) => {
    if (error instanceof NotFoundError)
      throw refuse(`no project has id ${payload.projectId}`, "Run the action from a project open in Kitsu.");
    throw error;
  });
  const context = contextOf(project);
  const [person] = await context.loadMany("person", [payload.personId]);
  if (!person) throw refuse(`no person has id ${payload.personId}`, "Run the action from Kitsu, logged in.");
  if (!person.active) throw refuse(`person ${person.name} is inactive`, "Ask a studio admin to reactivate them.");
  if ((person.email ?? "").toLowerCase() !== payload.personEmail.toLowerCase())
    throw refuse(
      `the e-mail posted is not person ${payload.personId}'s`,
      "Run the action from Kitsu: its post carries the logged-in person's id and e-mail.",
    );
  if (person.role !== "admin" && !project.team.ids.includes(person.id))
    throw refuse(
      `${person.name} is not on the team of project ${project.name}`,
      "Ask a production manager to add them to the team.",
    );
  const tasks = await context.loadMany("task", payload.selection);
  const taskIds = new Set(tasks.map((t) => t.id));
  const rest = payload.selection.filter((id) => !taskIds.has(id));
  const kind = entityKinds[payload.entityType];
  const entities = rest.length > 0 && kind ? ((await context.loadMany(kind, rest)) as TaskEntity[]) : [];
  const known = new Set([...taskIds, ...entities.map((e) => e.id)]);
  const unknown = rest.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw refuse(
      `the selection holds ${unknown.length} id(s) that are no task${kind ? ` or ${kind}` : ""} of the tracker (${unknown.slice(0, 3).join(", ")}${unknown.length > 3 ? ", ..." : ""})`,
      "Select tasks in Kitsu and run the action again.",
    );
  const foreign = [...tasks, ...entities].filter((r) => r.projectId !== project.id);
  if (foreign.length > 0)
    throw refuse(
      `${foreign.length} selected record(s) belong to another project than ${project.name} (${foreign
        .slice(0, 3)
        .map((r) => r.id)
        .join(", ")})`,
      "Select only tasks of the project the action runs in.",
    );
  return { person, project, tasks, entities };
}
