import "reflect-metadata";
import type { z } from "zod";
import type { Kind } from "../../schema/kinds.js";
import { loadRelation, readField, type StatefulEntity, writeField } from "./entity-state.js";

/*
 * Decorators that declare an entity's fields and relations. reflect-metadata is the store the
 * collections and toJSON() read; each decorator is given its schema or target kind explicitly,
 * since the test runner's transform emits no `design:type`.
 */

const FIELDS = Symbol.for("@gadget/core/fields");
const RELATIONS = Symbol.for("@gadget/core/relations");

export interface FieldMeta {
  key: string;
  schema: z.ZodType;
}

/** A relation that holds one record: `shot.sequence()`, `task.entity()`. */
export interface RelationMeta {
  /** Accessor and query key: `sequence`. */
  key: string;
  /** The record field holding the id: `sequenceId`. */
  idField: string;
  /** Target kind, or the record field naming it (`task.entityKind`). */
  target: Kind | { kindField: string };
  many: boolean;
}

declare const relatedBrand: unique symbol;
declare const relatedManyBrand: unique symbol;

/** A one-valued relation accessor; calling it may make a request, hence a method, never a getter. */
export interface Related<T> {
  (): Promise<T>;
  readonly [relatedBrand]: T;
}

/** A many-valued relation accessor over an id list: `task.assignees()`. */
export interface RelatedMany<T> {
  (): Promise<T[]>;
  readonly [relatedManyBrand]: T;
}

function append<T>(key: symbol, target: object, item: T): void {
  const own: T[] = Reflect.getOwnMetadata(key, target) ?? [...(Reflect.getMetadata(key, target) ?? [])];
  Reflect.defineMetadata(key, [...own, item], target);
}

/** Declares a record field as an accessor; writes are validated with `schema` and tracked for save(). */
export function field(schema: z.ZodType) {
  return (prototype: object, key: string): void => {
    append<FieldMeta>(FIELDS, prototype, { key, schema });
    Object.defineProperty(prototype, key, {
      configurable: true,
      enumerable: true,
      get(this: StatefulEntity) {
        return readField(this, key);
      },
      set(this: StatefulEntity, value: unknown) {
        writeField(this, key, schema, value);
      },
    });
  };
}

function install(prototype: object, meta: RelationMeta): void {
  append<RelationMeta>(RELATIONS, prototype, meta);
  Object.defineProperty(prototype, meta.key, {
    configurable: true,
    enumerable: false,
    writable: false,
    value: function related(this: StatefulEntity) {
      return loadRelation(this, meta);
    },
  });
}

/** Declares a one-valued relation read from `idField`; a null id resolves to null. */
export function relation(target: Kind | { kindField: string }, idField: string) {
  return (prototype: object, key: string): void => install(prototype, { key, idField, target, many: false });
}

/** Declares a many-valued relation read from an id list field. */
export function relations(target: Kind, idField: string) {
  return (prototype: object, key: string): void => install(prototype, { key, idField, target, many: true });
}

/**
 * A getter built on first read and then kept on the instance: an entity's collections and accessors
 * (`task.comments`, `shot.tasks`) cost nothing until used, so a list of 100,000 tasks builds none.
 */
export function lazy(_prototype: object, key: string, descriptor: PropertyDescriptor): void {
  const build = descriptor.get;
  if (!build) return;
  descriptor.get = function built(this: object) {
    const value: unknown = build.call(this);
    Object.defineProperty(this, key, { value, enumerable: false });
    return value;
  };
}

export function fieldsOf(prototype: object): readonly FieldMeta[] {
  return Reflect.getMetadata(FIELDS, prototype) ?? [];
}

export function relationsOf(prototype: object): readonly RelationMeta[] {
  return Reflect.getMetadata(RELATIONS, prototype) ?? [];
}
