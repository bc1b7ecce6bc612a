import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";

/*
 * One session's identity map: one object per (kind, id), plus alternate keys (a kind, a scope and a
 * name) so that a repeated lookup by name costs no request. Entries go stale on update events and
 * leave on delete; name keys of a kind are dropped whenever a record of that kind is created, so
 * that a cached name never hides a later duplicate.
 */

interface Entry<E> {
  entity: E;
  stale: boolean;
}

const idKey = (kind: Kind, id: string): string => `${kind}\u0000${id}`;

export class IdentityMap<E> {
  private readonly byId = new Map<string, Entry<E>>();
  /** (kind, scope, name) → id. */
  private readonly byName = new Map<string, { kind: Kind; id: Id }>();

  /** The entity of (kind, id) when known and not stale. */
  get(kind: Kind, id: string): E | undefined {
    const entry = this.byId.get(idKey(kind, id));
    return entry && !entry.stale ? entry.entity : undefined;
  }

  /** The entity of (kind, id) when known, stale or not: a fresher record is put into it. */
  peek(kind: Kind, id: string): E | undefined {
    return this.byId.get(idKey(kind, id))?.entity;
  }

  set(kind: Kind, id: string, entity: E): void {
    this.byId.set(idKey(kind, id), { entity, stale: false });
  }

  markFresh(kind: Kind, id: string): void {
    const entry = this.byId.get(idKey(kind, id));
    if (entry) entry.stale = false;
  }

  /** The record changed on the tracker: the next lookup refetches it into the same object. */
  markStale(kind: Kind, id: string): void {
    const entry = this.byId.get(idKey(kind, id));
    if (entry) entry.stale = true;
    this.forgetNamesOf(kind, id);
  }

  /** The record is gone: a later lookup asks the tracker (and gets a NotFoundError). */
  evict(kind: Kind, id: string): void {
    this.byId.delete(idKey(kind, id));
    this.forgetNamesOf(kind, id);
  }

  /** The id a (kind, scope, name) lookup found before, while its entity is fresh. */
  getByName(kind: Kind, scope: string, name: string): E | undefined {
    const hit = this.byName.get(this.nameKey(kind, scope, name));
    return hit ? this.get(hit.kind, hit.id) : undefined;
  }

  setName(kind: Kind, scope: string, name: string, id: Id): void {
    this.byName.set(this.nameKey(kind, scope, name), { kind, id });
  }

  /** A record of this kind was created: a name that matched one record may now match two. */
  forgetNames(kind: Kind): void {
    for (const [key, hit] of this.byName) if (hit.kind === kind) this.byName.delete(key);
  }

  clear(): void {
    this.byId.clear();
    this.byName.clear();
  }

  get size(): number {
    return this.byId.size;
  }

  /** The record may have been renamed: drop the names that led to it. */
  forgetNamesOf(kind: Kind, id: string): void {
    for (const [key, hit] of this.byName) if (hit.kind === kind && hit.id === id) this.byName.delete(key);
  }

  private nameKey(kind: Kind, scope: string, name: string): string {
    return `${kind}\u0000${scope}\u0000${name}`;
  }
}
