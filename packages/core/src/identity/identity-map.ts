import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";

/*
 * One session's identity map: one object per (kind, id), plus alternate keys (a kind, a scope and a
 * name) so that a repeated lookup by name costs no request.
 *
 * Entities are held weakly: iterating a million records keeps only what the caller holds (and the
 * few last used, held strongly so that a lookup repeated soon after costs no request even when the
 * caller kept nothing). While the caller holds an entity, a lookup of its record returns that same
 * object. An entity serves lookups while fresh: not marked stale (an update event, a write) and
 * younger than the session's cacheTtl.
 *
 * Name keys are indexed by (kind, id) and by kind, so that dropping the names of one record (a
 * save()) or of one kind (a create) costs what it drops, not the number of names cached.
 */

interface Entry<E extends object> {
  ref: WeakRef<E>;
  stale: boolean;
  /** When the tracker last sent the record (ms since the epoch). */
  loadedAt: number;
}

export interface IdentityMapOptions {
  /** How long a record read from the tracker serves lookups, in ms: 0 never, Infinity for ever. */
  ttlMs: number;
  /** How many recently used entities stay held strongly. */
  recent: number;
  /** Called when (kind, id) leaves the map (evicted, or collected once the caller let it go), not on clear(). */
  onForget?: (kind: Kind, id: Id) => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

const idKey = (kind: Kind, id: string): string => `${kind}\u0000${id}`;
const nameKey = (scope: string, name: string): string => `${scope}\u0000${name}`;

export class IdentityMap<E extends object> {
  /** kind → id → entry (a map per kind spares building a key per lookup). */
  private readonly byId = new Map<Kind, Map<string, Entry<E>>>();
  /** kind → (scope, name) → id. */
  private readonly byName = new Map<Kind, Map<string, Id>>();
  /** (kind, id) → the name keys leading to it. */
  private readonly namesOf = new Map<string, Set<string>>();
  /** The last used entities, held strongly (a ring). */
  private readonly recent: (E | undefined)[];
  private recentAt = 0;
  private readonly collected: FinalizationRegistry<{ kind: Kind; id: Id }>;
  private readonly now: () => number;

  constructor(private readonly options: IdentityMapOptions) {
    this.recent = new Array<E | undefined>(Math.max(0, options.recent)).fill(undefined);
    this.now = options.now ?? Date.now;
    this.collected = new FinalizationRegistry(({ kind, id }) => {
      const entry = this.byId.get(kind)?.get(id);
      // The key may hold a newer object for the same record by now.
      if (entry && entry.ref.deref() === undefined) this.forget(kind, id);
    });
  }

  /** The entity of (kind, id) when known and fresh. */
  get(kind: Kind, id: string): E | undefined {
    const entry = this.byId.get(kind)?.get(id);
    if (!entry || entry.stale || this.now() - entry.loadedAt >= this.options.ttlMs) return undefined;
    return this.use(entry.ref.deref());
  }

  /** The entity of (kind, id) when known, fresh or not: a fresher record is put into it. */
  peek(kind: Kind, id: string): E | undefined {
    return this.byId.get(kind)?.get(id)?.ref.deref();
  }

  set(kind: Kind, id: Id, entity: E): void {
    let entries = this.byId.get(kind);
    if (!entries) {
      entries = new Map();
      this.byId.set(kind, entries);
    }
    entries.set(id, { ref: new WeakRef(entity), stale: false, loadedAt: this.now() });
    this.collected.register(entity, { kind, id });
    this.use(entity);
  }

  /** The tracker just sent the whole record: it serves lookups for another cacheTtl. */
  markFresh(kind: Kind, id: string): void {
    const entry = this.byId.get(kind)?.get(id);
    if (!entry) return;
    entry.stale = false;
    entry.loadedAt = this.now();
  }

  /** The record changed on the tracker: the next lookup refetches it into the same object. */
  markStale(kind: Kind, id: string): void {
    const entry = this.byId.get(kind)?.get(id);
    if (entry) entry.stale = true;
    this.forgetNamesOf(kind, id);
  }

  /** The record is gone: a later lookup asks the tracker (and gets a NotFoundError). */
  evict(kind: Kind, id: Id): void {
    if (this.byId.get(kind)?.has(id)) this.forget(kind, id);
    else this.forgetNamesOf(kind, id);
  }

  /** The entity a (kind, scope, name) lookup found before, while it is fresh. */
  getByName(kind: Kind, scope: string, name: string): E | undefined {
    const id = this.byName.get(kind)?.get(nameKey(scope, name));
    return id === undefined ? undefined : this.get(kind, id);
  }

  setName(kind: Kind, scope: string, name: string, id: Id): void {
    let names = this.byName.get(kind);
    if (!names) {
      names = new Map();
      this.byName.set(kind, names);
    }
    const key = nameKey(scope, name);
    const before = names.get(key);
    if (before !== undefined) this.namesOf.get(idKey(kind, before))?.delete(key);
    names.set(key, id);
    const recordKey = idKey(kind, id);
    let keys = this.namesOf.get(recordKey);
    if (!keys) {
      keys = new Set();
      this.namesOf.set(recordKey, keys);
    }
    keys.add(key);
  }

  /** A record of this kind was created: a name that matched one record may now match two. */
  forgetNames(kind: Kind): void {
    const names = this.byName.get(kind);
    if (!names) return;
    for (const id of new Set(names.values())) this.namesOf.delete(idKey(kind, id));
    this.byName.delete(kind);
  }

  /** The record may have been renamed: drop the names that led to it. */
  forgetNamesOf(kind: Kind, id: string): void {
    const recordKey = idKey(kind, id);
    const keys = this.namesOf.get(recordKey);
    if (!keys) return;
    const names = this.byName.get(kind);
    for (const key of keys) names?.delete(key);
    this.namesOf.delete(recordKey);
  }

  /**
   * Every entity goes stale and every name is forgotten: the next lookups ask the tracker, and fill
   * the objects callers still hold.
   */
  clear(): void {
    for (const entries of this.byId.values()) for (const entry of entries.values()) entry.stale = true;
    this.byName.clear();
    this.namesOf.clear();
    this.recent.fill(undefined);
  }

  /** Records known (their entities may be waiting to be collected). */
  get size(): number {
    let size = 0;
    for (const entries of this.byId.values()) size += entries.size;
    return size;
  }

  private forget(kind: Kind, id: Id): void {
    this.byId.get(kind)?.delete(id);
    this.forgetNamesOf(kind, id);
    this.options.onForget?.(kind, id);
  }

  private use(entity: E | undefined): E | undefined {
    if (entity === undefined || this.recent.length === 0) return entity;
    this.recent[this.recentAt] = entity;
    this.recentAt = (this.recentAt + 1) % this.recent.length;
    return entity;
  }
}
