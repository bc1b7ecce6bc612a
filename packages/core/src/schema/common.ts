import { z } from "zod";

/**
 * A tracker id. Branded so that a plain string (a name, a path) is never passed where an id is
 * expected by accident; `getId()` and `asId()` are the ways in.
 */
export const idSchema = z.string().min(1).brand<"TrackerId">();
/** A tracker id (branded: a plain string is not taken for one by accident). */
export type Id = z.infer<typeof idSchema>;

/** Casts a string the caller knows to be an id (from a tracker response, a config file). */
export const asId = (value: string): Id => value as Id;

/** Years a production day may be in: a typo (`0026`, `20260`) is refused rather than stored. */
export const dayYears = { min: 1900, max: 2999 } as const;

/** What is wrong with a `YYYY-MM-DD` day, or undefined. */
export function dayProblem(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return "expected a date as YYYY-MM-DD";
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < dayYears.min || year > dayYears.max) {
    return `"${value}" is out of range: pass a year from ${dayYears.min} to ${dayYears.max} (YYYY-MM-DD)`;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `"${value}" is not a day of the calendar (YYYY-MM-DD)`;
  }
  return undefined;
}

/** A calendar day without time, `YYYY-MM-DD`, as trackers store start/due dates and time-spent days. */
export const isoDateSchema = z.string({ error: "expected a date as a YYYY-MM-DD string" }).superRefine((value, ctx) => {
  const problem = dayProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * Invisible characters that change how text reads: bidirectional overrides and isolates (a name
 * shown reversed), line and paragraph separators, and the byte order mark a pasted file brings.
 */
const invisibleFormatting = new Set([
  0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);

/**
 * True when `value` holds a C0 or C1 control character (DEL included: a pasted line break, a NUL
 * byte) or an invisible formatting character (a bidirectional override, a byte order mark).
 */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || invisibleFormatting.has(code)) return true;
  }
  return false;
}

function checkName(value: string, ctx: z.RefinementCtx, allowEmpty: boolean): void {
  if (value === "" && allowEmpty) return;
  if (value.trim() === "") {
    ctx.addIssue({ code: "custom", message: value === "" ? "must not be empty" : "must not be blank (only spaces)" });
    return;
  }
  if (value.trim() !== value) {
    const trimmed = value.trim();
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    ctx.addIssue({ code: "custom", message: `has spaces around it; pass "${shown}"` });
  }
  if (hasControlCharacter(value)) {
    ctx.addIssue({
      code: "custom",
      message: "holds a control character (a newline, a tab, a NUL byte, a right-to-left override, …); remove it",
    });
  }
}

/**
 * A name or short name: not blank, without spaces around it or control characters (a pasted
 * newline, a NUL byte the tracker's database refuses). How long it may be is a tracker rule
 * (rules.ts `maxLength`).
 */
export const nameSchema = z.string().superRefine((value, ctx) => checkName(value, ctx, false));

/** A name that may be left empty (a person's last name, a desktop login), and is otherwise a `nameSchema`. */
export const optionalNameSchema = z.string().superRefine((value, ctx) => checkName(value, ctx, true));

/** Free text (a description, a comment): anything but a NUL byte, which the tracker's database cannot store. */
export const textSchema = z
  .string()
  .refine((value) => !value.includes("\u0000"), "holds a NUL byte, which the tracker cannot store; remove it");

/** A color as trackers keep it, `#RRGGBB`. */
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a color as "#RRGGBB", e.g. "#3273dc"');

/** How deep custom data may nest: deeper is a mistake (a cycle unrolled by hand, a whole object graph). */
const maxJsonDepth = 64;

/** True for `{}` literals and `Object.create(null)`: what an input or a query must be. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function typeName(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name ? name : "object";
}

/**
 * The first value of `value` that JSON cannot hold as it is, with its path: what a tracker
 * stores as custom data (Kitsu: a JSONB column). A value that JSON.stringify would change (a
 * Date becomes a string, NaN becomes null, undefined disappears) is refused rather than changed
 * behind the caller's back.
 */
export function jsonProblem(
  value: unknown,
  options: {
    /**
     * An object key whose value is undefined is left out, as JSON.stringify does (a request body
     * built with optional fields). Custom data refuses it: the key would silently vanish.
     *
     * @default false
     */
    dropUndefinedKeys?: boolean;
  } = {},
): JsonProblem | undefined {
  return walk(value, [], [], options.dropUndefinedKeys ?? false);
}

/** Where a value JSON cannot hold is, and what it is. */
export interface JsonProblem {
  path: (string | number)[];
  message: string;
}

function walk(
  value: unknown,
  path: (string | number)[],
  ancestors: object[],
  dropUndefinedKeys: boolean,
): JsonProblem | undefined {
  const at = (message: string) => ({ path, message: `${message} (only JSON values can be stored)` });
  switch (typeof value) {
    case "string":
      return value.includes("\u0000") ? at("holds a NUL byte, which the tracker cannot store; remove it") : undefined;
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : at(`is ${value}; store a finite number or null`);
    case "bigint":
      return at("is a BigInt; store it as a number, or as a string with String(value)");
    case "undefined":
      return at("is undefined; remove it, or store null");
    case "function":
    case "symbol":
      return at(`is a ${typeof value}; store data, not code`);
  }
  if (value === null) return undefined;
  const object = value as object;
  if (ancestors.includes(object)) return at("refers back to an object that contains it (a cycle); store a copy");
  if (ancestors.length >= maxJsonDepth) return at(`nests deeper than ${maxJsonDepth} levels; flatten it`);
  if (object instanceof Date) return at("is a Date; store date.toISOString()");
  const inside = [...ancestors, object];
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      const problem = walk(object[i], [...path, i], inside, dropUndefinedKeys);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(object)) return at(`is a ${typeName(object)}; convert it to a plain object or an array`);
  if (Object.getOwnPropertySymbols(object).length > 0) return at("has a symbol key; use string keys");
  for (const [key, item] of Object.entries(object)) {
    if (key === "__proto__")
      return {
        path: [...path, key],
        message:
          'cannot be a key: rename it (only JSON values can be stored, and "__proto__" would set an object\'s prototype)',
      };
    if (item === undefined && dropUndefinedKeys) continue;
    const problem = walk(item, [...path, key], inside, dropUndefinedKeys);
    if (problem) return problem;
  }
  return undefined;
}

/** Free-form tracker data (Kitsu's `data` column): a plain object of JSON values; keys are the tracker's own. */
export const customDataSchema = z
  .custom<Record<string, unknown>>(isPlainObject, {
    message: 'expected an object of JSON values, such as { cam: "A" }',
  })
  .superRefine((value, ctx) => {
    if (!isPlainObject(value)) return;
    const problem = jsonProblem(value);
    if (problem) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
/** Free-form tracker data: a plain object of JSON values. */
export type CustomData = z.infer<typeof customDataSchema>;

/** A duration in seconds, the model's one unit; inputs may also be `{ hours, minutes, seconds }`. */
export const secondsSchema = z.number().nonnegative();

/** A duration as inputs take it: seconds, or `{ hours, minutes, seconds }`. */
export const durationInputSchema = z.union([
  secondsSchema,
  z
    .object({
      hours: z.number().nonnegative().optional(),
      minutes: z.number().nonnegative().optional(),
      seconds: z.number().nonnegative().optional(),
    })
    .strict(),
]);
/** A duration as inputs take it: seconds, or `{ hours, minutes, seconds }`. */
export type DurationInput = z.infer<typeof durationInputSchema>;

/** Turns any accepted duration input into seconds. */
export function toSeconds(input: DurationInput): number {
  if (typeof input === "number") return input;
  return (input.hours ?? 0) * 3600 + (input.minutes ?? 0) * 60 + (input.seconds ?? 0);
}

/** Fields every record has, whatever its kind. */
export const baseRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  customData: customDataSchema,
  /** The tracker's own record, untouched, for the rare field the model lacks. */
  raw: z.record(z.string(), z.unknown()),
});
/** The fields every record has: id, name, timestamps, custom data and the tracker's raw record. */
export type BaseRecord = z.infer<typeof baseRecordSchema>;

/** Fields a tracker sets itself and a create or update input never carries. */
export const serverOwnedKeys = { id: true, createdAt: true, updatedAt: true, raw: true } as const;
