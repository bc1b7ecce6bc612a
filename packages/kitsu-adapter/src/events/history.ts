import { type EventRecord, type EventsPage, type RawClient, ServerError } from "@gadget/core/adapter";
import { resumePoint } from "./cursor.js";
import { fromHistoryRow, isZouEventRow, type ZouEventRow } from "./payload.js";
import { floorToSecond, parseZouTime } from "./zou-time.js";

/*
 * Event history over REST: `GET /data/events/last` (zou.md §2.15, recorded/252–254). Zou answers
 * NEWEST first, at most 1000 rows a request, and `cursor_event_id` pages towards OLDER rows. Reading
 * "the oldest N after T" therefore walks every row after T, newest to oldest, then reverses. Events
 * the server does not persist (`notification:new`, `task:update-casting-stats`) never appear here.
 */

const PATH = "data/events/last";
const SERVER_MAX_PAGE = 1000;

export interface FetchEventsOptions {
  /**
   * Most events returned (the oldest first).
   *
   * @default 100
   * @example { limit: 500 }
   */
  limit?: number;
  /**
   * Only the events of this project (studio-wide events, which have no project, are left out).
   *
   * @default undefined (every project the account may read)
   */
  projectId?: string;
  /**
   * Rows per request while walking the history; Zou caps it at 1000.
   *
   * @default 1000
   * @example { pageSize: 200 }
   */
  pageSize?: number;
}

type Getter = Pick<RawClient, "get">;

/** Every persisted row after `after`, newest first, walking `cursor_event_id` pages. */
async function readNewestFirst(raw: Getter, after: string, projectId: string | undefined, pageSize: number) {
  const rows: ZouEventRow[] = [];
  const seen = new Set<string>();
  let cursorEventId: string | undefined;
  for (;;) {
    const searchParams: Record<string, string | number> = { after, limit: pageSize };
    if (projectId !== undefined) searchParams.project_id = projectId;
    if (cursorEventId !== undefined) searchParams.cursor_event_id = cursorEventId;
    const page = await raw.get<unknown>(PATH, { searchParams });
    if (!Array.isArray(page)) {
      throw ServerError.http({ method: "GET", path: `/${PATH}` }, "the event history is not a JSON array");
    }
    let fresh = 0;
    for (const row of page) {
      if (!isZouEventRow(row)) {
        throw ServerError.http({ method: "GET", path: `/${PATH}` }, `unreadable event row ${JSON.stringify(row)}`);
      }
      // A page boundary inside one second may repeat a row; a server ignoring the cursor repeats the page.
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
      fresh++;
    }
    const last = page[page.length - 1] as ZouEventRow | undefined;
    if (page.length < pageSize || fresh === 0 || last === undefined) return rows;
    cursorEventId = last.id;
  }
}

/** The persisted rows after `since`, oldest first, without the row `since` points at. */
async function rowsSince(raw: Getter, since: Date | string, projectId: string | undefined, pageSize: number) {
  const point = resumePoint(since);
  const rows = (await readNewestFirst(raw, point.after, projectId, pageSize)).reverse();
  let start = 0;
  if (point.afterEventId !== undefined) {
    const at = rows.findIndex((row) => row.id === point.afterEventId);
    if (at >= 0) start = at + 1;
  }
  return rows.slice(start).filter((row) => floorToSecond(parseZouTime(row.created_at)) >= point.fromSecond);
}

const checkedPageSize = (pageSize: number | undefined): number =>
  Math.max(1, Math.min(SERVER_MAX_PAGE, Math.floor(pageSize ?? SERVER_MAX_PAGE)));

/**
 * Past events after `since` (a Date, an ISO timestamp, or a cursor from an event or a page), oldest
 * first. `cursor` is the resume point after the last event returned (null when none was).
 */
export async function fetchEventsSince(
  raw: Getter,
  since: Date | string,
  options: FetchEventsOptions = {},
): Promise<EventsPage> {
  const limit = Math.max(1, Math.floor(options.limit ?? 100));
  const rows = await rowsSince(raw, since, options.projectId, checkedPageSize(options.pageSize));
  const events = rows.slice(0, limit).map(fromHistoryRow);
  return { events, cursor: events[events.length - 1]?.cursor ?? null };
}

/**
 * What a stream calls after a reconnection to replay the gap: every persisted event since the
 * link dropped, oldest first.
 */
export function historyRecovery(
  raw: Getter,
  options: Pick<FetchEventsOptions, "projectId" | "pageSize"> = {},
): (since: Date) => Promise<EventRecord[]> {
  return async (since) =>
    (await rowsSince(raw, since, options.projectId, checkedPageSize(options.pageSize))).map(fromHistoryRow);
}
