import type { EventRecord } from "@gadget/core/adapter";
import { eventSignature } from "./payload.js";

/*
 * Exactly-once delivery across a reconnection. After the link drops, the stream replays history
 * from a little before the drop (clocks differ, Zou stamps to the second), so the replay overlaps
 * events that already arrived live, and events that arrive live during or just after the replay may
 * be in it too. Socket events have no id: an occurrence is its name + project + payload, counted
 * (two identical `task:update` in the window are two occurrences). The one exception to exactly-once
 * leans towards losing nothing: a replayed change signal (`…:update`) whose live copy arrives only after
 * the replay is delivered twice (see acceptReplayed).
 */

type Seen = Map<string, number[]>;

const add = (seen: Seen, key: string, at: number) => {
  const times = seen.get(key);
  if (times) times.push(at);
  else seen.set(key, [at]);
};

/** Removes one occurrence at or after `from`; true when there was one. */
const take = (seen: Seen, key: string, from: number): boolean => {
  const times = seen.get(key);
  const index = times?.findIndex((t) => t >= from) ?? -1;
  if (!times || index < 0) return false;
  times.splice(index, 1);
  if (times.length === 0) seen.delete(key);
  return true;
};

const prune = (seen: Seen, before: number) => {
  for (const [key, times] of seen) {
    const kept = times.filter((t) => t >= before);
    if (kept.length) seen.set(key, kept);
    else seen.delete(key);
  }
};

export class EventDeduper {
  private readonly live: Seen = new Map();
  private readonly replayed: Seen = new Map();
  /** While a gap awaits its replay: live events from here on must be kept, however old. */
  private keepFrom: number | undefined;

  /** @param windowMs how far back a replay may reach before the drop, and how long a replayed event waits for its live copy. */
  constructor(private readonly windowMs: number) {}

  /** A live event arrived: false when it is the late copy of an event already replayed. */
  acceptLive(event: EventRecord, now: number = Date.now()): boolean {
    const key = eventSignature(event);
    prune(this.replayed, now - this.windowMs);
    if (take(this.replayed, key, now - this.windowMs)) return false;
    // A replay starts windowMs before a drop, so older live events can never be in one.
    prune(this.live, Math.min(now - this.windowMs, this.keepFrom ?? Number.POSITIVE_INFINITY));
    add(this.live, key, now);
    return true;
  }

  /** The link dropped at `at`: the replay that follows will start at `at - windowMs`. Returns that start. */
  markDrop(at: number): number {
    this.keepFrom = Math.min(this.keepFrom ?? Number.POSITIVE_INFINITY, at - this.windowMs);
    return this.keepFrom;
  }

  /** Listening starts at `at` (before the first connection): keep live events from there for the first replay. */
  markStart(at: number): number {
    this.keepFrom = Math.min(this.keepFrom ?? Number.POSITIVE_INFINITY, at);
    return at;
  }

  /** The replay of every gap so far is done. */
  replayDone(): void {
    this.keepFrom = undefined;
  }

  /** A replayed event of a replay that started at `since`: false when it already arrived live. */
  acceptReplayed(event: EventRecord, since: number, now: number = Date.now()): boolean {
    const key = eventSignature(event);
    if (take(this.live, key, since)) return false;
    // A change signal (`shot:update` { shotId }) names only its record, so the next change of that record
    // looks exactly like a late live copy of this one: held, it would be dropped. Not held, a late copy
    // arrives twice, and a listener reloads the record twice instead of missing a change.
    if (event.action !== "update") add(this.replayed, key, now);
    return true;
  }
}
