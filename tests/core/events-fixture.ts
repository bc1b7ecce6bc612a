import type { Id, Kind } from "@gadget/core";
import type { Capabilities, EventRecord } from "@gadget/core/adapter";
import { projectCreateSchema, sequenceCreateSchema, shotCreateSchema } from "@gadget/core/adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { EventHub } from "../../packages/core/src/events/hub.js";

/*
 * Shared by the events tests: a MockTracker that counts its live subscriptions, can drop capabilities,
 * strip live cursors (as Kitsu's socket events have none) and push records a tracker could send.
 */

export interface ScriptedOptions {
  capabilities?: Partial<Capabilities>;
  /** Live events arrive without cursor, as Kitsu's socket.io events do. */
  liveWithoutCursor?: boolean;
}

export class ScriptedTracker extends MockTracker {
  override readonly capabilities: Readonly<Capabilities>;
  /** Live subscriptions currently open. */
  open = 0;
  /** Calls of eventsSince, with their arguments. */
  readonly historyCalls: { since: Date | string; limit: number | undefined; projectId: Id | undefined }[] = [];
  private readonly liveHandlers = new Set<(event: EventRecord) => void>();
  private readonly liveWithoutCursor: boolean;
  private clock = Date.parse("2024-05-01T09:00:00Z");

  constructor(options: ScriptedOptions = {}) {
    // Bare: the fresh-Kitsu seed would stamp its rows through `now`, before `this` exists.
    super({ seed: 1, bare: true, now: () => new Date(this.tick()) });
    this.capabilities = { ...new MockTracker().capabilities, ...options.capabilities };
    this.liveWithoutCursor = options.liveWithoutCursor ?? false;
  }

  /** Each write is one second after the previous, so Date-based replay is exact. */
  private tick(): number {
    this.clock += 1000;
    return this.clock;
  }

  override subscribe(handler: (event: EventRecord) => void): () => void {
    this.open++;
    const deliver = this.liveWithoutCursor ? (e: EventRecord) => handler({ ...e, cursor: null }) : handler;
    this.liveHandlers.add(deliver);
    const stop = super.subscribe(deliver);
    return () => {
      this.open--;
      this.liveHandlers.delete(deliver);
      stop();
    };
  }

  /** Runs once, when a history request finds nothing more: a write from here reaches listeners only live. */
  onHistoryEnd: (() => Promise<unknown>) | undefined;

  override async eventsSince(since: Date | string, options?: { limit?: number; projectId?: Id }) {
    this.historyCalls.push({ since, limit: options?.limit, projectId: options?.projectId });
    const page = await super.eventsSince(since, options);
    const hook = this.onHistoryEnd;
    if (page.events.length === 0 && hook) {
      this.onHistoryEnd = undefined;
      await hook();
    }
    return page;
  }

  /** Delivers a record as if the tracker had sent it live. */
  push(record: EventRecord): void {
    for (const handler of this.liveHandlers) handler(record);
  }
}

/** Lets queued event deliveries (microtasks) run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function makeProject(tracker: MockTracker, name: string) {
  const project = await tracker.create("project", projectCreateSchema.parse({ name }));
  const sequence = await tracker.create(
    "sequence",
    sequenceCreateSchema.parse({ name: "sq010", projectId: project.id }),
  );
  const addShot = (shotName: string) =>
    tracker.create("shot", shotCreateSchema.parse({ name: shotName, projectId: project.id, sequenceId: sequence.id }));
  return { project, sequence, addShot };
}

export interface Loaded {
  kind: Kind;
  id: Id;
}

export function makeHub(tracker: MockTracker, onEvent?: (name: string) => void) {
  return new EventHub<Loaded>({
    adapter: tracker,
    load: async (kind, id) => ({ kind, id }),
    ...(onEvent ? { onEvent: (event) => onEvent(event.name) } : {}),
  });
}
