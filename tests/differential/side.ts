import { type AnyEntity, isEventName, type Tracker } from "@gadget/core";

/** One event as a `"*"` listener received it, kept until the step that caused it is compared. */
export interface SeenEvent {
  name: string;
  id: string;
  projectId: string | null;
  data: unknown;
}

/** An operation named an alias this backend never created (its create failed here only). */
export class MissingAliasError extends Error {
  readonly code = "ALIAS_MISSING";
  constructor(alias: string) {
    super(`no entity "${alias}" on this backend`);
  }
}

/**
 * What the runner holds for one backend: its session, the entities of the run by alias, the
 * aliases of ids (so that records compare without their ids), and the events received.
 */
export class Side {
  private readonly entities = new Map<string, AnyEntity>();
  private readonly aliases = new Map<string, string>();
  private fallbackCount = 0;
  /** Ids of the run's projects: only their events (and events about the run's own records) count. */
  readonly projectIds = new Set<string>();
  readonly events: SeenEvent[] = [];

  constructor(
    readonly label: "mock" | "kitsu",
    readonly tracker: Tracker,
  ) {}

  /** Gives `entity` the alias the sequence chose for it. */
  register(alias: string, entity: AnyEntity): void {
    this.entities.set(alias, entity);
    if (!this.aliases.has(entity.id)) this.aliases.set(entity.id, alias);
    if (entity.kind === "project") this.projectIds.add(entity.id);
  }

  /** Names an id that no operation created (a preview, a time-spent row) after its first sighting. */
  nameId(id: string, alias: string): void {
    if (!this.aliases.has(id)) this.aliases.set(id, alias);
  }

  entity<E extends AnyEntity = AnyEntity>(alias: string): E {
    const entity = this.entities.get(alias);
    if (!entity) throw new MissingAliasError(alias);
    return entity as E;
  }

  has(alias: string): boolean {
    return this.entities.has(alias);
  }

  knows(id: string): boolean {
    return this.aliases.has(id);
  }

  /** The alias of an id; an id seen for the first time gets the next `#n` (both backends see ids in the same order). */
  aliasOf(id: string, kind = "?"): string {
    let alias = this.aliases.get(id);
    if (alias === undefined) {
      this.fallbackCount += 1;
      alias = `${kind}#${this.fallbackCount}`;
      this.aliases.set(id, alias);
    }
    return alias;
  }

  /** The events received since the last call, of the run's projects and records only. */
  takeEvents(): SeenEvent[] {
    return this.events.splice(0).filter((e) => this.concerns(e));
  }

  /** How many of the received events `takeEvents` would keep, without taking them. */
  pendingEvents(): number {
    return this.events.filter((e) => this.concerns(e)).length;
  }

  /**
   * Events of core's vocabulary (Kitsu's own extras, `notification:new`, `news:new`, `entity-link:new`,
   * are not part of the contract), in the run's projects or about its records: the shared tracker
   * holds other people's work.
   */
  private concerns(e: SeenEvent): boolean {
    if (!isEventName(e.name)) return false;
    return e.projectId !== null ? this.projectIds.has(e.projectId) : this.knows(e.id);
  }
}
