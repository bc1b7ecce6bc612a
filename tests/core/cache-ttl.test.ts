import { defaultCacheTtl, Tracker } from "@gadget/core";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { demoSession } from "./helpers.js";

/*
 * A session with no event listener serves what it read for cacheTtl seconds at most. The clock is
 * vitest's (Date only): no test waits.
 */

const start = new Date("2026-11-29T09:00:00Z");
const later = (seconds: number) => vi.setSystemTime(start.getTime() + seconds * 1000);

describe("cacheTtl", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("defaults to a minute", () => {
    expect(defaultCacheTtl).toBe(60);
  });

  test("within the ttl a lookup makes no request; past it the record is read again into the same object", async () => {
    const { mock, project, log } = await demoSession({ session: { cacheTtl: 30 } });
    const sq010 = await project.sequences.get({ name: "sq010" });
    const shot = await sq010.shots.get({ name: "sh020" });
    await mock.update("shot", shot.id, { description: "changed elsewhere" });
    log.reset();
    later(29);
    expect(await sq010.shots.get({ name: "sh020" })).toBe(shot);
    expect(await project.tracker.load("shot", shot.id)).toBe(shot);
    expect(log.count()).toBe(0);
    expect(shot.description).not.toBe("changed elsewhere");
    later(31);
    expect(await project.tracker.load("shot", shot.id)).toBe(shot);
    expect(log.count("get")).toBe(1);
    expect(shot.description).toBe("changed elsewhere");
  });

  test("a name looked up past the ttl asks the tracker again", async () => {
    const { project, log } = await demoSession();
    const first = await project.sequences.get({ name: "sq020" });
    later(defaultCacheTtl - 1);
    await project.sequences.get({ name: "sq020" });
    expect(log.count("query")).toBe(1);
    later(defaultCacheTtl + 1);
    expect(await project.sequences.get({ name: "sq020" })).toBe(first);
    expect(log.count("query")).toBe(2);
  });

  test("tasks preloaded by withTasks() expire with the ttl", async () => {
    const { project, log } = await demoSession({ session: { cacheTtl: 10 } });
    const [shot] = await project.shots.withTasks({ sequence: "sq010" });
    log.reset();
    await shot?.tasks.all();
    expect(log.count()).toBe(0);
    later(11);
    await shot?.tasks.all();
    expect(log.count("query")).toBe(1);
  });

  test("0 asks every time; Infinity keeps records until clearCache()", async () => {
    const never = await demoSession({ session: { cacheTtl: 0 } });
    await never.tracker.load("project", never.project.id);
    expect(never.log.count("get")).toBe(1);
    const forever = await demoSession({ session: { cacheTtl: Number.POSITIVE_INFINITY } });
    later(365 * 24 * 3600);
    await forever.tracker.load("project", forever.project.id);
    expect(forever.log.count("get")).toBe(0);
    forever.tracker.clearCache();
    expect(await forever.tracker.load("project", forever.project.id)).toBe(forever.project);
    expect(forever.log.count("get")).toBe(1);
  });

  test("clearCache() makes the next lookup ask, into the object in hand", async () => {
    const { tracker, project, log } = await demoSession();
    const sq010 = await project.sequences.get({ name: "sq010" });
    const shot = await sq010.shots.get({ name: "sh020" });
    tracker.clearCache();
    log.reset();
    expect(await sq010.shots.get({ name: "sh020" })).toBe(shot);
    expect(log.count("query")).toBe(1);
  });

  test("the adapter's own caches are dropped on the same clock", async () => {
    const { mock, tracker } = await demoSession({ session: { cacheTtl: 60 } });
    const clearCache = vi.fn();
    Object.assign(mock, { clearCache });
    await tracker.taskTypes.all();
    expect(clearCache).not.toHaveBeenCalled();
    later(61);
    await tracker.taskTypes.all();
    expect(clearCache).toHaveBeenCalledTimes(1);
    await tracker.taskTypes.all();
    expect(clearCache).toHaveBeenCalledTimes(1);
    tracker.clearCache();
    expect(clearCache).toHaveBeenCalledTimes(2);
  });

  test("a negative or non-number ttl is a ValidationError naming cacheTtl", async () => {
    const { mock } = await demoSession();
    for (const cacheTtl of [-1, Number.NaN, "60" as unknown as number]) {
      expect(() => Tracker.connect(mock, { cacheTtl })).toThrow(
        expect.objectContaining({ name: "ValidationError", message: expect.stringContaining("cacheTtl") }),
      );
    }
  });
});
