import type {
  Asset,
  Comment,
  Id,
  Person,
  Project,
  Sequence,
  Shot,
  Task,
  TaskEntity,
  TaskStatus,
  TimeSpent,
  Tracker,
} from "@gadget/core";
import { beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import { demoSession } from "./helpers.js";

// tsc checks these types; the reads also run against the demo studio, writes are only typed.
let project: Project;
let tracker: Tracker;
let shot: Shot;
let task: Task;

beforeAll(async () => {
  ({ project, tracker } = await demoSession());
  shot = await project.shots.get({ name: "sh010", sequence: "sq010" });
  task = await shot.tasks.fetch("Animation");
});

describe("collection and entity types", () => {
  test("get / find / filter return the collection's entity", async () => {
    const got = project.shots.get({ name: "sh020", sequence: "sq010" });
    expectTypeOf(got).toEqualTypeOf<Promise<Shot>>();
    const found = project.shots.find({ name: "nope" });
    expectTypeOf(found).toEqualTypeOf<Promise<Shot | undefined>>();
    const filtered = project.shots.filter({ sequence: "sq010" });
    expectTypeOf(filtered).toEqualTypeOf<Promise<Shot[]>>();
    expectTypeOf(project.shots.all()).toEqualTypeOf<Promise<Shot[]>>();
    expectTypeOf(project.shots.iterate()).toExtend<AsyncIterable<Shot>>();
    expectTypeOf(tracker.projects.get({ name: "Bunny Escape" })).toEqualTypeOf<Promise<Project>>();
    expectTypeOf(shot.tasks.fetch("Animation")).toEqualTypeOf<Promise<Task>>();
    expect((await got).name).toBe("sh020");
    expect(await found).toBeUndefined();
    expect(await filtered).toHaveLength(6);
  });

  test("a misspelled query key or a wrong value type does not compile", () => {
    // @ts-expect-error: "nmae" is not a shot field
    const misspelled = () => project.shots.get({ nmae: "x" });
    // @ts-expect-error: frameIn is a number
    const wrongType = () => project.shots.filter({ frameIn: "101" });
    // @ts-expect-error: shots have no assetType relation
    const wrongRelation = () => project.shots.filter({ assetType: "Character" });
    expectTypeOf(misspelled).returns.toEqualTypeOf<Promise<Shot>>();
    expectTypeOf(wrongType).returns.toEqualTypeOf<Promise<Shot[]>>();
    expectTypeOf(wrongRelation).returns.toEqualTypeOf<Promise<Shot[]>>();
  });

  test("relation keys take a name, an id or an entity", async () => {
    const sequence: Sequence = await shot.sequence();
    const byEntity = project.shots.filter({ sequence });
    const byId = project.shots.filter({ sequence: { id: sequence.id } });
    expectTypeOf(byEntity).toEqualTypeOf<Promise<Shot[]>>();
    expectTypeOf(project.assets.filter({ assetType: "Character" })).toEqualTypeOf<Promise<Asset[]>>();
    expect(await byEntity).toEqual(await byId);
  });

  test("fields come from the record schemas; relations are async methods", () => {
    expectTypeOf(shot.id).toEqualTypeOf<Id>();
    expectTypeOf(shot.frameIn).toEqualTypeOf<number | null>();
    expectTypeOf(shot.createdAt).toEqualTypeOf<Date>();
    expectTypeOf(shot.sequence()).toEqualTypeOf<Promise<Sequence>>();
    expectTypeOf(task.entity()).toEqualTypeOf<Promise<TaskEntity>>();
    expectTypeOf(task.status()).toEqualTypeOf<Promise<TaskStatus>>();
    expectTypeOf(task.assignees()).toEqualTypeOf<Promise<Person[]>>();
    expectTypeOf(project.tracker).toEqualTypeOf<Tracker>();
    expect(shot.createdAt).toBeInstanceOf(Date);
    expect(Object.isFrozen(shot.raw)).toBe(true);
  });

  test("writes are typed: new() with names and durations, publishing, time spent", () => {
    const newAsset = () => project.assets.new({ name: "Hero", assetType: "Character", customData: { v: 1 } });
    const newTask = () => shot.tasks.new({ taskType: "Animation", assignees: ["bruno"], estimation: { hours: 4 } });
    const publish = () => task.comments.new({ comment: "x", status: "wfa", preview: "/tmp/a.mp4" });
    const log = () => task.timeSpent.add("bruno", "2026-01-05", { hours: 2 });
    // @ts-expect-error: asset names are strings
    const badName = () => project.assets.new({ name: 3 });
    expectTypeOf(newAsset).returns.toEqualTypeOf<Promise<Asset>>();
    expectTypeOf(newTask).returns.toEqualTypeOf<Promise<Task>>();
    expectTypeOf(publish).returns.toEqualTypeOf<Promise<Comment>>();
    expectTypeOf(log).returns.toEqualTypeOf<Promise<TimeSpent>>();
    expectTypeOf(badName).returns.toEqualTypeOf<Promise<Asset>>();
  });
});
