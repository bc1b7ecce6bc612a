import type { TrackerAdapter } from "../../adapter/contract.js";
import type { EventRecord } from "../../adapter/event-record.js";
import type { Id } from "../../schema/common.js";
import { waitFor } from "../helpers/wait-for.js";

/** Collects the live events of one subscription, for the events section to wait on. */
export class EventRecorder {
  readonly events: EventRecord[] = [];
  private stop: (() => void) | undefined;

  constructor(private readonly timeoutMs: number) {}

  start(adapter: TrackerAdapter): void {
    this.stop = adapter.subscribe((event) => this.events.push(event));
  }

  unsubscribe(): void {
    this.stop?.();
    this.stop = undefined;
  }

  /** The first event named `name` about `id`, waited for within the section's bound. */
  next(name: string, id: Id, from = 0): Promise<EventRecord> {
    return waitFor(() => this.events.slice(from).find((e) => e.name === name && e.id === id), {
      timeoutMs: this.timeoutMs,
      what: `the event ${name} about ${id}`,
    });
  }
}

/**
 * Subscribing over a network (Kitsu's socket.io) takes a moment; writes made before the socket
 * is up are never delivered. This writes until one write's event comes back, within a bound.
 */
export async function warmUp(adapter: TrackerAdapter, log: EventRecorder, shotId: Id, tries = 10): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const from = log.events.length;
    await adapter.update("shot", shotId, { description: `warm-up ${i}` });
    const arrived = await log.next("shot:update", shotId, from).then(
      () => true,
      () => false,
    );
    if (arrived) return;
  }
  await log.next("shot:update", shotId);
}

/** Names this section checks, in the order its tests cause them. */
export const watchedNames = [
  "shot:new",
  "shot:update",
  "comment:new",
  "task:status-changed",
  "preview-file:add-file",
  "preview-file:set-main",
  "shot:casting-update",
  "task:assign",
  "time-spent:new",
  "shot:delete",
] as const;
