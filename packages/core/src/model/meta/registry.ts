import "reflect-metadata";
import { ConfigError } from "../../errors.js";
import type { Kind, RecordOf } from "../../schema/kinds.js";
import type { SessionContext } from "../../session/session-context.js";
import type { EntityOf } from "../types.js";

/*
 * The entity class of each kind, recorded in the metadata store by the class itself
 * (`@entity("shot")`). The session builds entities from here without importing a class: the
 * classes import the session's collections, so importing them back would be a load-order cycle.
 */

const ENTITY_CLASS = Symbol.for("@gadget/core/entity-class");

/** The store's target, one property key per kind; each copy of core keeps its own classes. */
const classes: object = {};

export type EntityClass<K extends Kind> = new (context: SessionContext, kind: K, record: RecordOf<K>) => EntityOf<K>;

/**
 * Registers the decorated class as the entity class of `kind`; the type check makes sure the class
 * is the one `EntityOf<kind>` names.
 */
export function entity<K extends Kind>(kind: K) {
  return (target: EntityClass<K>): void => {
    Reflect.defineMetadata(ENTITY_CLASS, target, classes, kind);
  };
}

/** Classes already looked up: the metadata store is slow for one lookup per record of a large list. */
const found = new Map<Kind, EntityClass<Kind>>();

/** The class registered for `kind`; none means its module was never loaded (a ConfigError, not a TypeError). */
export function entityClassOf<K extends Kind>(kind: K): EntityClass<K> {
  const known = found.get(kind) as EntityClass<K> | undefined;
  if (known) return known;
  const registered = Reflect.getOwnMetadata(ENTITY_CLASS, classes, kind) as EntityClass<K> | undefined;
  if (!registered) throw ConfigError.unregisteredEntity(kind);
  found.set(kind, registered as unknown as EntityClass<Kind>);
  return registered;
}

/** Builds the entity of a record; only the session calls it, through its identity map. */
export function createEntity<K extends Kind>(context: SessionContext, kind: K, record: RecordOf<K>): EntityOf<K> {
  const Class = entityClassOf(kind);
  return new Class(context, kind, record);
}
