import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";

/*
 * One session's identity map: one object per (kind, id), plus alternate keys (a kind, a scope and a
 * name) so that a repeated lookup by name costs no request. An entity serves lookups while fresh:
 * not marked stale (an update event, a write) and younger than the session's cacheTtl.
 *
 * Memory follows what the caller holds:
 * - Entities handed out by lookups and lists (get, filter, all, load, relations) are held weakly
 *   (WeakRef), and the last thousand used strongly, so that a lookup repeated soon after costs no
 *   request even when the caller kept nothing. The keys of collected entities are swept once the
 *   map has doubled since the last sweep: amortized O(1) per entity, where a FinalizationRegistry
 *   cost a registration per entity and its own work in every GC.
 * - Entities streamed by iterate() are held strongly while their page is current (the iteration
 *   holds that page anyway), then let go without a WeakRef. V8 keeps the target of every WeakRef alive through
 *   minor GCs, so weakly holding a million streamed records promoted every one of them to the old
 *   generation (hundreds of MB before a major GC). A streamed entity the caller uses again (a field
 *   read, a method) is taken back, weakly, unless a lookup made another object for its record in
 *   the meantime; one the caller looks up while its page is current is held weakly from then on.
 *
 * Name keys are indexed by (kind, id) and by kind, so that dropping the names of one record (a
 * save()) or of one kind (a create) costs what it drops, not the number of names cached.
 */

interface Entry<E extends object> {
  /** Held strongly: a streamed entity while its page is current. */
  entity: E | undefined;
  /** Held weakly: every entity a lookup handed out. */
  ref: WeakRef<E> | undefined;
  stale: boolean;
  /** When the tracker last sent the record (ms since the epoch). */
  loadedAt: number;
}

interface Streamed<E> {
  kind: Kind;
  id: Id;
  entity: E;
}

export interface IdentityMapOptions<E> {
  /** How long a record read from the tracker serves lookups, in ms: 0 never, Infinity for ever. */
  ttlMs: number;
  /** How many recently used entities stay held strongly. */
  recent: number;
  /** Called when (kind, id) leaves the map (evicted, or swept once collected), not on clear(). */
  onForget?: (kind: Kind, id: Id) => void;
  /** Called when a streamed entity is let go (see `adopt`). */
  onRelease?: (entity: E) => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

const idKey = (kind: Kind, id: string): string => `${kind}\u0000${id}`;
const nameKey = (scope: string, name: string): string => `${scope}\u0000${name}`;
/** Fewest new weakly held entries between two sweeps. */
const minSweep = 1_024;
const deref = <E extends object>(entry: Entry<E>): E | undefined => entry.entity ?? entry.ref?.deref();

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
  /** The current streamed page, held strongly. */
  private streamed: Streamed<E>[] = [];
  /** Weakly held entries added since the last sweep, and how many to allow before the next. */
  private added = 0;
  private sweepAfter = minSweep;
  private readonly now: () => number;

  constructor(private readonly options: IdentityMapOptions<E>) {
    this.recent = new Array<E | undefined>(Math.max(0, options.recent)).fill(undefined);
    this.now = options.now ?? Date.now;
  }

  /** The entity of (kind, id) when known and fresh. */
  get(kind: Kind, id: string): E | undefined {
    const entry = this.entry(kind, id);
    if (!entry || entry.stale || this.now() - entry.loadedAt >= this.options.ttlMs) return undefined;
    const entity = deref(entry);
    if (entity) this.hold(entry, entity);
    return entity;
  }

  /** The entity of (kind, id) when known, fresh or not: a fresher record is put into it. */
  peek(kind: Kind, id: string): E | undefined {
    const entry = this.entry(kind, id);
    return entry ? deref(entry) : undefined;
  }

  /** A new entity handed out by a lookup or a list: held weakly. */
  set(kind: Kind, id: Id, entity: E): void {
    const entry: Entry<E> = { entity: undefined, ref: undefined, stale: false, loadedAt: this.now() };
    this.entries(kind).set(id, entry);
    this.hold(entry, entity);
  }

  /** A new entity streamed by iterate(): held while its page is current (see `nextPage`). */
  setStreamed(kind: Kind, id: Id, entity: E): void {
    this.entries(kind).set(id, { entity, ref: undefined, stale: false, loadedAt: this.now() });
    this.streamed.push({ kind, id, entity });
  }

  /** An existing entity handed out again by a lookup or a list: held weakly from now on. */
  keep(kind: Kind, id: Id): void {
    const entry = this.entry(kind, id);
    const entity = entry && deref(entry);
    if (entry && entity) this.hold(entry, entity);
  }

  /**
   * A streamed page begins: the last one is let go. Its entities that no lookup took leave the map;
   * the caller may still hold some (see `adopt`).
   */
  nextPage(): void {
    const gone = this.streamed;
    this.streamed = [];
    for (const { kind, id, entity } of gone) {
      const entry = this.entry(kind, id);
      if (!entry || entry.entity !== entity) continue;
      entry.entity = undefined;
      if (entry.ref) continue;
      this.entries(kind).delete(id);
      this.forgetNamesOf(kind, id);
      this.options.onRelease?.(entity);
    }
  }

  /**
   * A streamed entity let go and used again by the caller: it is the session's object for its
   * record again, unless a lookup made another one meanwhile. Taken back stale: its values may be
   * older than cacheTtl, so the next lookup reads the record again into it.
   */
  adopt(kind: Kind, id: Id, entity: E): void {
    const entry = this.entry(kind, id);
    if (entry) {
      if (deref(entry) === entity) this.hold(entry, entity);
      return;
    }
    this.set(kind, id, entity);
    this.markStale(kind, id);
  }

  /** The tracker just sent the whole record: it serves lookups for another cacheTtl. */
  markFresh(kind: Kind, id: string): void {
    const entry = this.entry(kind, id);
    if (!entry) return;
    entry.stale = false;
    entry.loadedAt = this.now();
  }

  /** The record changed on the tracker: the next lookup refetches it into the same object. */
  markStale(kind: Kind, id: string): void {
    const entry = this.entry(kind, id);
    if (entry) entry.stale = true;
    this.forgetNamesOf(kind, id);
  }

  /** Marks stale every entity of `kind` that passes `test`, fresh or not; returns their ids. */
  markStaleWhere(kind: Kind, test: (entity: E) => boolean): Id[] {
    const marked: Id[] = [];
    for (const [id, entry] of this.byId.get(kind) ?? []) {
      const entity = deref(entry);
      if (!entity || !test(entity)) continue;
      entry.stale = true;
      this.forgetNamesOf(kind, id);
      marked.push(id as Id);
    }
    return marked;
  }

  /** The record is gone: a later lookup asks the tracker (and gets a NotFoundError). */
  evict(kind: Kind, id: Id): void {
    if (this.entry(kind, id)) this.forget(kind, id);
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

  private entry(kind: Kind, id: string): Entry<E> | undefined {
    return this.byId.get(kind)?.get(id);
  }

  private entries(kind: Kind): Map<string, Entry<E>> {
    let entries = this.byId.get(kind);
    if (!entries) {
      entries = new Map();
      this.byId.set(kind, entries);
    }
    return entries;
  }

  /** Holds the entity weakly (once) and among the recently used. */
  private hold(entry: Entry<E>, entity: E): void {
    if (!entry.ref) {
      entry.ref = new WeakRef(entity);
      if (++this.added >= this.sweepAfter) this.sweep();
    }
    if (this.recent.length === 0) return;
    this.recent[this.recentAt] = entity;
    this.recentAt = (this.recentAt + 1) % this.recent.length;
  }

  /** Drops the keys of entities the caller let go and the GC collected. */
  private sweep(): void {
    let live = 0;
    for (const [kind, entries] of this.byId) {
      for (const [id, entry] of entries) {
        if (deref(entry) === undefined) this.forget(kind, id as Id);
        else live += 1;
      }
    }
    this.added = 0;
    this.sweepAfter = Math.max(minSweep, live);
  }

  private forget(kind: Kind, id: Id): void {
    this.byId.get(kind)?.delete(id);
    this.forgetNamesOf(kind, id);
    this.options.onForget?.(kind, id);
  }
}
