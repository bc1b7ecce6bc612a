import type { Json } from "./normalize.js";
import type { Op } from "./ops.js";

/*
 * The generator's picture of what the run has created, by alias: enough to choose operations that
 * should succeed (and, on purpose, some that should fail). It follows the outcomes the backends
 * reported (they agree up to the step being generated), never guesses.
 */

export interface WProject {
  alias: string;
  name: string;
  type: "short" | "featurefilm" | "tvshow";
  team: Set<string>;
}
export interface WSequence {
  alias: string;
  project: string;
  name: string;
}
export interface WEntity {
  alias: string;
  kind: "shot" | "asset";
  project: string;
  /** Sequence alias (shots) or asset type alias (assets). */
  parent: string;
  name: string;
  canceled: boolean;
}
export interface WTask {
  alias: string;
  entity: string;
  project: string;
  taskType: string;
  assignees: Set<string>;
}
export interface WComment {
  alias: string;
  task: string;
  previews: string[];
}
export interface WNamed {
  alias: string;
  name: string;
  project?: string;
}

export class World {
  readonly projects: WProject[] = [];
  readonly sequences: WSequence[] = [];
  readonly episodes: WNamed[] = [];
  readonly entities: WEntity[] = [];
  readonly tasks: WTask[] = [];
  readonly comments: WComment[] = [];
  readonly persons: (WNamed & { email: string })[] = [];
  readonly playlists: WNamed[] = [];
  /** Aliases of deleted records, for operations on purpose on something gone. */
  readonly deleted: string[] = [];
  private counter = 0;

  /** A fresh number for aliases and names. */
  next(): number {
    this.counter += 1;
    return this.counter;
  }

  shots(project?: string): WEntity[] {
    return this.entities.filter((e) => e.kind === "shot" && (project === undefined || e.project === project));
  }

  assets(project?: string): WEntity[] {
    return this.entities.filter((e) => e.kind === "asset" && (project === undefined || e.project === project));
  }

  projectOf(alias: string): string | undefined {
    const all: { alias: string; project?: string }[] = [
      ...this.sequences,
      ...this.entities,
      ...this.tasks,
      ...this.playlists,
      ...this.episodes,
    ];
    return all.find((x) => x.alias === alias)?.project;
  }

  /** Brings the picture up to date with what a step did (as both backends reported it). */
  observe(op: Op, ok: boolean, value: Json): void {
    if (!ok) return;
    switch (op.type) {
      case "project.new":
        this.projects.push({ alias: op.alias, name: op.name, type: op.productionType, team: new Set() });
        return;
      case "episode.new":
        this.episodes.push({ alias: op.alias, name: op.name, project: op.project });
        return;
      case "sequence.new":
        this.sequences.push({ alias: op.alias, project: op.project, name: op.name });
        return;
      case "shot.new":
        this.entities.push({
          alias: op.alias,
          kind: "shot",
          project: op.project,
          parent: op.sequence.alias,
          name: op.name,
          canceled: false,
        });
        return;
      case "asset.new":
        this.entities.push({
          alias: op.alias,
          kind: "asset",
          project: op.project,
          parent: op.assetType.alias,
          name: op.name,
          canceled: false,
        });
        return;
      case "task.new": {
        const project = this.projectOf(op.entity) ?? "";
        const assignees = new Set((op.assignees ?? []).map((r) => r.alias));
        this.tasks.push({ alias: op.alias, entity: op.entity, project, taskType: op.taskType.alias, assignees });
        return;
      }
      case "person.new":
        this.persons.push({ alias: op.alias, name: `${op.firstName} ${op.lastName}`, email: op.email });
        return;
      case "playlist.new":
        this.playlists.push({ alias: op.alias, name: op.name, project: op.project });
        return;
      case "publish":
        this.comments.push({
          alias: op.alias,
          task: op.task,
          previews: op.previews.map((_, i) => `${op.alias}/preview${i + 1}`),
        });
        return;
      case "assign":
        this.tasks.find((t) => t.alias === op.task)?.assignees.add(op.person.alias);
        return;
      case "unassign":
        this.tasks.find((t) => t.alias === op.task)?.assignees.delete(op.person.alias);
        return;
      case "team.add":
        this.projects.find((p) => p.alias === op.project)?.team.add(op.person.alias);
        return;
      case "team.remove":
        this.projects.find((p) => p.alias === op.project)?.team.delete(op.person.alias);
        return;
      case "save":
        this.saved(op);
        return;
      case "delete":
        this.removed(op.target, (value as { outcome?: string } | null)?.outcome === "canceled");
        return;
      default:
        return;
    }
  }

  private saved(op: Extract<Op, { type: "save" }>): void {
    const entity = this.entities.find((e) => e.alias === op.target);
    if (entity && typeof op.fields.canceled === "boolean") entity.canceled = op.fields.canceled;
    if (typeof op.fields.name !== "string") return;
    const named = [...this.sequences, ...this.entities, ...this.playlists].find((x) => x.alias === op.target);
    if (named) named.name = op.fields.name;
  }

  /** A deleted record and everything that hung on it leave the picture; a canceled one stays, canceled. */
  private removed(alias: string, canceled: boolean): void {
    const entity = this.entities.find((e) => e.alias === alias);
    if (canceled) {
      if (entity) entity.canceled = true;
      return;
    }
    this.deleted.push(alias);
    const drop = <T extends { alias: string }>(list: T[], gone: (x: T) => boolean): void => {
      for (let i = list.length - 1; i >= 0; i--) {
        const item = list[i]!;
        if (gone(item)) {
          list.splice(i, 1);
          if (item.alias !== alias) this.removed(item.alias, false);
        }
      }
    };
    drop(this.sequences, (s) => s.alias === alias);
    drop(this.entities, (e) => e.alias === alias || e.parent === alias);
    drop(this.tasks, (t) => t.alias === alias || t.entity === alias);
    drop(this.comments, (c) => c.alias === alias || c.task === alias);
    drop(this.playlists, (p) => p.alias === alias);
    drop(this.persons, (p) => p.alias === alias);
  }
}
