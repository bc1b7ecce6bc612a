import { inspect } from "node:util";
import mittModule, { type Emitter } from "mitt";
import type { TrackerAdapter } from "../adapter/contract.js";
import type { EventRecord } from "../adapter/event-record.js";
import { UnsupportedError, ValidationError } from "../errors.js";
import type { Id } from "../schema/common.js";
import { createTrackerEvent, type EntityLoader, isEventName, type TrackerEvent } from "./tracker-event.js";
import { closestEventName, type EventName } from "./vocabulary.js";

// mitt's types describe its CommonJS build, so under NodeNext the default import is typed as the
// module object while Node's ESM loader hands over the function itself; accept both.
const mitt: typeof mittModule.default =
  typeof mittModule === "function" ? mittModule : (mittModule as { default: typeof mittModule.default }).default;

/**
 * Which events a listener receives.
 *
 * With `projectId`, events of other projects never arrive (Kitsu broadcasts every event to every
 * client). Studio-wide events (`projectId: null`: persons, task types, task statuses, departments)
 * reach a listener that names them (`on("person:new")`), but not a `"*"` listener: `"*"` on a project
 * means "everything in this project", the same set that `events.since()` replays for it.
 */
export interface EventFilter {
  /**
   * Keep only the events of this project (and the studio-wide events a listener names).
   *
   * @default undefined (every project)
   * @example
   * { projectId: project.id }
   */
  projectId?: Id;
}

export interface EventHubOptions<E> {
  adapter: TrackerAdapter;
  /** Fetches the entity an event is about, for `event.load()`. */
  load: EntityLoader<E>;
  /** Called with every live event before listeners see it (the session keeps its identity map current). */
  onEvent?: (event: TrackerEvent<EventName, E>) => void;
}

/** A listener's failure, reported to `onError` handlers (or console.error when there are none). */
export type EventErrorHandler<E> = (error: unknown, event: TrackerEvent<EventName, E>) => void;

type Listener<N extends EventName, E> = (event: TrackerEvent<N, E>) => void;
type EventMap<E> = { [N in EventName]: TrackerEvent<N, E> };

interface Registration<E> {
  name: EventName | "*";
  handler: Listener<EventName, E>;
  wrapper: (event: TrackerEvent<EventName, E>) => void;
  wildcard: (name: EventName, event: TrackerEvent<EventName, E>) => void;
}

/**
 * ValidationError unless `name` is `"*"` or a name of the vocabulary, and `handler` a function: a
 * misspelled name would otherwise be listened to silently and never fire.
 */
export function checkListener(name: unknown, handler: unknown): void {
  if (name !== "*" && (typeof name !== "string" || !isEventName(name))) {
    throw ValidationError.unknownEventName("on()", name, typeof name === "string" ? closestEventName(name) : undefined);
  }
  if (typeof handler !== "function") throw ValidationError.notAFunction("The on() handler", handler);
}

/** Whether an event passes a listener's filter; `named` is true when the listener asked for this name. */
export function passesFilter(
  event: { projectId: Id | null },
  filter: EventFilter | undefined,
  named: boolean,
): boolean {
  if (filter?.projectId === undefined) return true;
  if (event.projectId === null) return named;
  return event.projectId === filter.projectId;
}

/**
 * The event bus of one session, on mitt. It subscribes to the adapter when the first listener
 * arrives and unsubscribes when the last one leaves, so a script without listeners keeps no socket
 * open. A listener that throws never stops delivery to the others.
 */
export class EventHub<E = unknown> {
  readonly adapter: TrackerAdapter;
  private readonly load: EntityLoader<E>;
  private readonly onEvent: ((event: TrackerEvent<EventName, E>) => void) | undefined;
  private readonly emitter: Emitter<EventMap<E>> = mitt<EventMap<E>>();
  private readonly registrations = new Set<Registration<E>>();
  private readonly errorHandlers = new Set<EventErrorHandler<E>>();
  private readonly closeHandlers = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(options: EventHubOptions<E>) {
    this.adapter = options.adapter;
    this.load = options.load;
    this.onEvent = options.onEvent;
  }

  /** A hub prints as its listeners: its adapter (and credentials) stay out. */
  toJSON(): Record<string, unknown> {
    return { tracker: this.adapter.name, listeners: this.registrations.size, subscribed: this.subscribed };
  }

  [inspect.custom](): string {
    return `EventHub ${inspect(this.toJSON())}`;
  }

  /** True while the hub holds a subscription to the adapter. */
  get subscribed(): boolean {
    return this.unsubscribe !== null;
  }

  /** Number of listeners, `"*"` ones included. */
  get listenerCount(): number {
    return this.registrations.size;
  }

  /**
   * Listens to one event name, or to every event with `"*"` (names outside the vocabulary included).
   * Returns the function that stops listening.
   *
   * @example
   * const stop = hub.on("task:status-changed", (e) => console.log(e.data.newTaskStatusId), { projectId: project.id });
   */
  on<N extends EventName>(name: N | "*", handler: Listener<N, E>, filter?: EventFilter): () => void {
    return this.register(name, handler, filter, false);
  }

  /** Like `on`, for the first matching event only. */
  once<N extends EventName>(name: N | "*", handler: Listener<N, E>, filter?: EventFilter): () => void {
    return this.register(name, handler, filter, true);
  }

  /** Removes `handler` from `name` (every filter it was registered with); without a handler, every listener of `name`. */
  off<N extends EventName>(name: N | "*", handler?: Listener<N, E>): void {
    for (const registration of [...this.registrations]) {
      if (registration.name === name && (handler === undefined || registration.handler === handler)) {
        this.remove(registration);
      }
    }
  }

  /** Receives the errors thrown (or rejected) by listeners. Returns the function that removes it. */
  onError(handler: EventErrorHandler<E>): () => void {
    this.errorHandlers.add(handler);
    return () => this.errorHandlers.delete(handler);
  }

  /** Called once by `close()`; iterators use it to end. Returns the function that removes it. */
  onClose(handler: () => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  /** Turns an adapter record into a listener's event (history replay uses it too). */
  toEvent(record: EventRecord): TrackerEvent<EventName, E> {
    return createTrackerEvent(record, this.load);
  }

  /** Removes every listener and the adapter subscription. The hub can be listened to again afterwards. */
  close(): void {
    for (const registration of [...this.registrations]) this.remove(registration);
    const handlers = [...this.closeHandlers];
    this.closeHandlers.clear();
    for (const handler of handlers) this.guard(handler);
  }

  private register<N extends EventName>(
    name: N | "*",
    handler: Listener<N, E>,
    filter: EventFilter | undefined,
    once: boolean,
  ): () => void {
    if (!this.adapter.capabilities.events) throw UnsupportedError.capability(this.adapter.name, "events");
    checkListener(name, handler);
    // Listeners of a name only ever receive events of that name, so widening the handler is safe.
    const listener = handler as Listener<EventName, E>;
    const registration: Registration<E> = {
      name,
      handler: listener,
      wrapper: (event) => {
        // mitt calls the handlers it had when the emit began; one removed meanwhile must stay silent.
        if (!this.registrations.has(registration) || !passesFilter(event, filter, name !== "*")) return;
        if (once) this.remove(registration);
        this.invoke(listener, event);
      },
      wildcard: (_name, event) => registration.wrapper(event),
    };
    this.registrations.add(registration);
    if (name === "*") this.emitter.on("*", registration.wildcard);
    else this.emitter.on(name, registration.wrapper);
    if (this.unsubscribe === null) {
      try {
        this.unsubscribe = this.adapter.subscribe((record) => this.dispatch(record));
      } catch (error) {
        // A listener whose subscription failed (a bad events URL) must not linger and receive events later.
        this.remove(registration);
        throw error;
      }
    }
    return () => this.remove(registration);
  }

  private remove(registration: Registration<E>): void {
    if (!this.registrations.delete(registration)) return;
    if (registration.name === "*") this.emitter.off("*", registration.wildcard);
    else this.emitter.off(registration.name, registration.wrapper);
    if (this.registrations.size === 0 && this.unsubscribe !== null) {
      const unsubscribe = this.unsubscribe;
      this.unsubscribe = null;
      unsubscribe();
    }
  }

  private dispatch(record: EventRecord): void {
    const event = this.toEvent(record);
    if (this.onEvent) {
      const onEvent = this.onEvent;
      this.guard(() => onEvent(event), event);
    }
    // mitt calls "*" handlers for any name; an unknown name has no named listeners, so only "*" ones run.
    this.emitter.emit<EventName>(isEventName(record.name) ? record.name : event.name, event as EventMap<E>[EventName]);
  }

  private invoke(listener: Listener<EventName, E>, event: TrackerEvent<EventName, E>): void {
    this.guard(() => {
      const result: unknown = listener(event);
      if (result instanceof Promise) result.catch((error: unknown) => this.report(error, event));
    }, event);
  }

  private guard(run: () => void, event?: TrackerEvent<EventName, E>): void {
    try {
      run();
    } catch (error) {
      this.report(error, event);
    }
  }

  private report(error: unknown, event?: TrackerEvent<EventName, E>): void {
    if (this.errorHandlers.size === 0 || event === undefined) {
      console.error("@gadget/core: an event listener failed", error);
      return;
    }
    for (const handler of this.errorHandlers) {
      try {
        handler(error, event);
      } catch (failure) {
        console.error("@gadget/core: an event error handler failed", failure);
      }
    }
  }
}
