import { expect, test } from "vitest";
import type { EventRecord } from "../../adapter/event-record.js";
import type { ComplianceContext } from "../compliance-context.js";
import { watchedNames } from "./event-recorder.js";
import type { EventsState } from "./events.js";

const key = (e: EventRecord) => `${e.name} ${e.id}`;

/** Pages through `eventsSince` for the fixture project; stops on an empty page or a null cursor. */
async function history(ctx: ComplianceContext, limit: number): Promise<EventRecord[]> {
  // From the project's own creation time (the tracker's clock, so no skew with this machine's).
  let since: Date | string = new Date(ctx.fx.project.createdAt.getTime() - 1000);
  const all: EventRecord[] = [];
  for (let page = 0; page < 500; page++) {
    const { events, cursor } = await ctx.adapter.eventsSince(since, { limit, projectId: ctx.fx.project.id });
    expect(events.length).toBeLessThanOrEqual(limit);
    all.push(...events);
    if (events.length === 0 || cursor === null) break;
    since = cursor;
  }
  return all;
}

/** The history half of section 12 (when capabilities.eventHistory): replay matches live delivery. */
export function eventHistoryTests(ctx: ComplianceContext, { log, watched }: EventsState): void {
  const names: ReadonlySet<string> = new Set(watchedNames);
  const ours = (e: EventRecord) => names.has(e.name) && watched.has(e.id);

  test("eventsSince replays the live events, oldest first", async (t) => {
    t.skip(!ctx.has("eventHistory"), "capabilities.eventHistory is false");
    const past = await history(ctx, 1000);
    expect(past.every((e) => e.projectId === ctx.fx.project.id)).toBe(true);
    const times = past.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const live = log.events.filter(ours).map(key);
    expect(live.length).toBeGreaterThan(0);
    expect(past.filter(ours).map(key)).toEqual(live);
  });

  test("paging eventsSince by cursor has no duplicates or gaps", async (t) => {
    t.skip(!ctx.has("eventHistory"), "capabilities.eventHistory is false");
    const whole = await history(ctx, 1000);
    const paged = await history(ctx, 3);
    expect(paged.length).toBeGreaterThan(3);
    const cursors = paged.map((e) => e.cursor);
    expect(cursors.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(paged.map(key)).toEqual(whole.map(key));
  });
}
