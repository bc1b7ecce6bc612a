import type { TrackerRules } from "@gadget/core/adapter";
import type { MockTrackerOptions } from "../options.js";
import { randomIds, seededIds } from "./ids.js";
import { Studio } from "./studio.js";

/** Where a restored studio's event cursor and seeded id sequence stood when it was saved. */
export interface Resume {
  eventSeq: number;
  idState: number;
}

// A handler's bug must not break the write that emitted the event, nor stay silent.
const warnHandlerError = (error: unknown) =>
  process.emitWarning(`A mock tracker event handler threw: ${error instanceof Error ? error.message : String(error)}`);

/** The empty store a mock tracker starts with, or resumes into from a snapshot. */
export function studioFromOptions(options: MockTrackerOptions, rules: TrackerRules, resume?: Resume): Studio {
  return new Studio({
    rules,
    ids: options.seed === undefined ? randomIds() : seededIds(options.seed, resume?.idState ?? 0),
    now: options.now ?? (() => new Date()),
    eventSeq: resume?.eventSeq ?? 0,
    onHandlerError: options.onHandlerError ?? warnHandlerError,
  });
}
