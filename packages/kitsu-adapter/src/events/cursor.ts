import { ValidationError } from "@gadget/core/adapter";
import { floorToSecond, formatZouTime, parseZouTime } from "./zou-time.js";

/*
 * An event cursor is `<created_at>@<api_event id>`. The id alone cannot be resumed from: Zou's
 * `cursor_event_id` only pages towards OLDER events, and looking an event up by id is admin-only.
 * The time alone is ambiguous: Zou stamps to the second, and several events share a second. Both
 * together give an exact resume point: fetch from that second on, drop everything up to the id.
 */

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)@([0-9A-Za-z-]+)$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The cursor of a history row. */
export function encodeEventCursor(createdAt: string, eventId: string): string {
  return `${createdAt.slice(0, 19)}@${eventId}`;
}

/** Where a history read starts: what to send as `after`, and what to drop from the answer. */
export interface ResumePoint {
  /** `after` query value: one second early, so the boundary second is read whatever `after`'s strictness. */
  after: string;
  /** Rows stamped before this second (epoch ms) are dropped. */
  fromSecond: number;
  /** With a cursor: rows up to and including this event are dropped. */
  afterEventId?: string;
}

const resumeAt = (time: Date, afterEventId?: string): ResumePoint => {
  const fromSecond = floorToSecond(time);
  const point: ResumePoint = { after: formatZouTime(new Date(fromSecond - 1000)), fromSecond };
  if (afterEventId !== undefined) point.afterEventId = afterEventId;
  return point;
};

/**
 * Reads `since`: a Date, an ISO timestamp (naive means UTC, as Zou's), or a cursor. Throws
 * ValidationError for anything else, before any request.
 */
export function resumePoint(since: Date | string): ResumePoint {
  if (since instanceof Date) {
    if (Number.isNaN(since.getTime())) throw ValidationError.eventCursor(String(since));
    return resumeAt(since);
  }
  const cursor = cursorPattern.exec(since);
  if (cursor?.[1] && cursor[2]) return resumeAt(parseZouTime(cursor[1]), cursor[2]);
  if (timestampPattern.test(since)) {
    const time = parseZouTime(since.length === 10 ? `${since}T00:00:00` : since.replace(" ", "T"));
    if (!Number.isNaN(time.getTime())) return resumeAt(time);
  }
  throw ValidationError.eventCursor(since);
}
