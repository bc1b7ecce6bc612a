import { ConflictError, NetworkError, PartialWriteError, ValidationError } from "@gadget/core";
import type { EventRecord } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { flush, ids, smallStudio } from "./helpers.js";

describe("createMany", () => {
  it("the mock had no createMany: it creates the batch in order, one shot:new per record", async () => {
    const { tracker, project, seq } = await smallStudio();
    const events: EventRecord[] = [];
    tracker.subscribe((e) => events.push(e));
    const inputs = ["sh100", "sh050", "sh075"].map((name) => ({ name, projectId: project.id, sequenceId: seq.id }));
    const created = await tracker.createMany("shot", inputs);
    expect(created.map((s) => s.name)).toEqual(["sh100", "sh050", "sh075"]);
    await flush();
    expect(events.map((e) => [e.name, e.id])).toEqual(created.map((s) => ["shot:new", s.id]));
    for (const shot of created) expect(await tracker.get("shot", shot.id)).toEqual(shot);
  });

  it("checks every input before the first write: a bad reference or a task given twice writes nothing", async () => {
    const { tracker, project, seq, sh020, anim } = await smallStudio();
    const before = (await tracker.query("shot", { sequenceId: seq.id })).items.length;
    const bad = [
      { name: "sh500", projectId: project.id, sequenceId: seq.id },
      { name: "sh510", projectId: project.id, sequenceId: project.id },
    ];
    await expect(tracker.createMany("shot", bad)).rejects.toThrow(/sequence/i);
    expect((await tracker.query("shot", { sequenceId: seq.id })).items).toHaveLength(before);
    const twice = [
      { entityId: sh020.id, taskTypeId: anim.id },
      { entityId: sh020.id, taskTypeId: anim.id },
    ];
    await expect(tracker.createMany("task", twice)).rejects.toThrow(ConflictError);
    expect((await tracker.query("task", { entityId: sh020.id })).items).toEqual([]);
    await expect(tracker.createMany("shot", [], { concurrency: 0 })).rejects.toThrow(ValidationError);
  });

  it("a fault after the first create is a PartialWriteError naming what exists", async () => {
    const { tracker, project, seq } = await smallStudio();
    // Each record is one write with its own fault check: a fault set once the first shot exists hits the second.
    tracker.faults.latency("createMany", 1);
    tracker.subscribe((e) => {
      if (e.name === "shot:new") tracker.faults.failNext("createMany", 1, "network");
    });
    const inputs = ["sh600", "sh610", "sh620"].map((name) => ({ name, projectId: project.id, sequenceId: seq.id }));
    const error = await tracker.createMany("shot", inputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    expect(partial.cause).toBeInstanceOf(NetworkError);
    expect(partial.message).toContain('"sh610"');
    const [first] = (await tracker.query("shot", { sequenceId: seq.id, name: "sh600" })).items;
    expect(partial.written).toMatchObject({ operation: "create", kind: "shot", ids: { created: [first?.id] } });
    expect((await tracker.query("shot", { sequenceId: seq.id, name: ["sh610", "sh620"] })).items).toEqual([]);
  });

  it("a fault on the first record is the plain error: nothing was written", async () => {
    const { tracker, project, seq } = await smallStudio();
    tracker.faults.failNext("createMany", 1, "network");
    const inputs = [{ name: "sh700", projectId: project.id, sequenceId: seq.id }];
    await expect(tracker.createMany("shot", inputs)).rejects.toThrow(NetworkError);
    expect((await tracker.query("shot", { name: "sh700" })).items).toEqual([]);
  });
});

describe("queryWithTasks", () => {
  it("the mock had no queryWithTasks: it answers the matching records and all their tasks, complete", async () => {
    const { tracker, project, seq, sh010, sh020, hero, task } = await smallStudio();
    const { records, tasks } = await tracker.queryWithTasks("shot", { projectId: project.id, sequenceId: seq.id });
    expect(records).toEqual([await tracker.get("shot", sh010.id), await tracker.get("shot", sh020.id)]);
    expect(tasks).toEqual([await tracker.get("task", task.id)]);
    const assets = await tracker.queryWithTasks("asset", { name: "Nobody" });
    expect(assets).toEqual({ records: [], tasks: [] });
    expect(ids((await tracker.queryWithTasks("asset", { projectId: project.id })).records)).toEqual([hero.id]);
  });
});
