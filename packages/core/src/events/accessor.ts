import { UnsupportedError, ValidationError } from "../errors.js";
import { parseOptions } from "../input-shape.js";
import type { Id } from "../schema/common.js";
import { liveEventsOptionsSchema, sinceOptionsSchema } from "../schema/options.js";
import { type EventHub, passesFilter } from "./hub.js";
import { openLive } from "./live.js";
import { type Progress, replay, type SinceOptions, toSincePoint } from "./replay.js";
import { isEventName, type TrackerEvent } from "./tracker-event.js";
import { closestEventName, type EventName } from "./vocabulary.js";

/*
 * Events as async iterables: live (`project.events()`), replayed (`project.events.since(t)`), or
 * replayed then live (`since(t, { follow: true })`) without losing or repeating one at the switch.
 */

export type { SinceOptions } from "./replay.js";

type AnyEvent<E> = TrackerEvent<EventName, E>;

/** Options of live events (`project.events()`). */
export interface LiveEventsOptions {
  /**
   * Ends the iteration (cleanly, without throwing) when aborted.
   *
   * @default undefined (runs until the loop breaks or the session closes)
   * @example
   * signal: AbortSignal.timeout(60_000)
   */
  signal?: AbortSignal;
  /**
   * Only these event names. Naming a studio-wide event (`person:new`) also lets it through a project's filter.
   *
   * @default undefined (every event, unknown names included)
   * @example
   * names: ["task:status-changed", "comment:new"]
   */
  names?: EventName[];
}

/** `project.events`: live events as an async iterable, and `since()` to replay what was missed. */
export interface EventsAccessor<E> {
  /** Live events of the scope, in order; listening starts when the loop starts. */
  (options?: LiveEventsOptions): AsyncIterable<AnyEvent<E>>;
  /**
   * Past events after `since`, oldest first; live ones too with `follow`. `since` is a Date, an ISO 8601
   * timestamp, or the cursor of an event or page (`lastCursor`).
   */
  since(since: Date | string, options?: SinceOptions): AsyncIterable<AnyEvent<E>>;
  /** Cursor of the last event handed out with one (pass it to `since()` to resume after a restart). */
  readonly lastCursor: string | null;
  /** Time of the last event handed out, for resuming when the tracker gives live events no cursor. */
  readonly lastAt: Date | null;
}

/**
 * The `events` accessor of a scope (a project, or the whole tracker without `projectId`).
 *
 * @example
 * for await (const e of project.events({ signal })) console.log(e.name, e.id);
 * for await (const e of project.events.since(new Date(Date.now() - 3_600_000))) console.log(e.name);
 */
export function createEventsAccessor<E>(hub: EventHub<E>, filter: { projectId?: Id }): EventsAccessor<E> {
  const progress: Progress = { lastCursor: null, lastAt: null };
  const live = (options: LiveEventsOptions = {}): AsyncIterable<AnyEvent<E>> => {
    if (!hub.adapter.capabilities.events) throw UnsupportedError.capability(hub.adapter.name, "events");
    const checked = parseOptions(liveEventsOptionsSchema, options, "events() options", '{ names: ["shot:new"] }');
    for (const name of checked.names ?? []) {
      if (!isEventName(name)) throw ValidationError.unknownEventName("events({ names })", name, closestEventName(name));
    }
    const names = checked.names === undefined ? undefined : new Set<string>(checked.names);
    const accept = (event: AnyEvent<E>) =>
      names === undefined
        ? passesFilter(event, filter, false)
        : names.has(event.name) && passesFilter(event, filter, true);
    return {
      [Symbol.asyncIterator]: () => {
        const queue = openLive(hub, accept, checked.signal);
        return {
          next: async () => {
            const result = await queue.next();
            if (!result.done) {
              if (result.value.cursor !== null) progress.lastCursor = result.value.cursor;
              progress.lastAt = result.value.at;
            }
            return result;
          },
          return: () => queue.return(),
        };
      },
    };
  };
  const since = (from: Date | string, options: SinceOptions = {}): AsyncIterable<AnyEvent<E>> => {
    if (!hub.adapter.capabilities.eventHistory) throw UnsupportedError.capability(hub.adapter.name, "eventHistory");
    if (options.follow && !hub.adapter.capabilities.events)
      throw UnsupportedError.capability(hub.adapter.name, "events");
    const start = toSincePoint(from);
    const checked = parseOptions(sinceOptionsSchema, options, "events.since() options", "{ follow: true }");
    return { [Symbol.asyncIterator]: () => replay(hub, filter, start, checked, progress) };
  };
  return Object.defineProperties(live, {
    since: { value: since, enumerable: true },
    lastCursor: { get: () => progress.lastCursor, enumerable: true },
    lastAt: { get: () => progress.lastAt, enumerable: true },
  }) as EventsAccessor<E>;
}
