import { expect, it } from "vitest";
import { outputRow } from "../src/studio/row-copy.js";
import { smallStudio } from "./helpers.js";

it("a record the mock hands out and its raw share nothing with the store or each other (copies built per row shape)", async () => {
  const { tracker, task } = await smallStudio();
  await tracker.update("task", task.id, { customData: { cam: { lens: 35 } } });
  const record = await tracker.get("task", task.id);
  const raw = record.raw as Record<string, unknown>;
  expect(raw).toEqual({ ...record, raw: undefined, customData: record.customData });
  expect(raw.createdAt).not.toBe(record.createdAt);
  expect(raw.assigneeIds).not.toBe(record.assigneeIds);
  expect(raw.customData).not.toBe(record.customData);
  record.createdAt.setTime(0);
  (record.customData.cam as { lens: number }).lens = 50;
  (record.assigneeIds as string[]).push("x");
  const again = await tracker.get("task", task.id);
  expect(again.createdAt.getTime()).not.toBe(0);
  expect(again.customData).toEqual({ cam: { lens: 35 } });
  expect(again.assigneeIds).toEqual(task.assigneeIds);
});

it("rows of other keys, or keys in another order, each get their own copy (a shape is never reused for them)", () => {
  const entries = [{ id: "e1", kind: "shot" }];
  const a = outputRow({ id: "1", name: "a", entries });
  const b = outputRow({ name: "b", id: "2" });
  const c = outputRow({ id: "3", name: "c", extra: true });
  expect(a).toEqual({ id: "1", name: "a", entries, raw: { id: "1", name: "a", entries } });
  expect(a.entries).not.toBe(entries);
  expect((a.entries as object[])[0]).not.toBe(entries[0]);
  expect(Object.keys(b)).toEqual(["name", "id", "raw"]);
  expect(c).toEqual({ id: "3", name: "c", extra: true, raw: { id: "3", name: "c", extra: true } });
  const proto = outputRow(JSON.parse('{"id":"4","__proto__":{"x":1}}') as object);
  expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  expect(Object.hasOwn(proto, "__proto__")).toBe(true);
});
