import { describe, expect, test } from "vitest";
import {
  ConflictError,
  checkBatchUnique,
  defaultRules,
  dependentsOf,
  type FilterKey,
  planRemove,
  resolveRules,
  rulesOf,
  uniqueIdentity,
  uniqueLookups,
  ValidationError,
} from "../src/adapter/index.js";

/* The rule table (schema/rules.ts) and the shared checks every adapter uses (adapter/*-check.ts). */

describe("the default rules are Kitsu's", () => {
  test("an asset is unique by project, asset type and name: one name under two types is fine", () => {
    expect(defaultRules.asset.unique.map((k) => k.fields)).toEqual([["projectId", "assetTypeId", "name"]]);
    const a = { projectId: "p", assetTypeId: "chars", name: "Hero" };
    expect(() => checkBatchUnique(defaultRules, "asset", [a, { ...a, assetTypeId: "props" }])).not.toThrow();
    expect(() => checkBatchUnique(defaultRules, "asset", [a, { ...a }])).toThrow(ConflictError);
  });

  test("a task is unique by entity, task type and name (Zou's task_uc); a missing name is main", () => {
    const task = { entityId: "e", taskTypeId: "t" };
    expect(() => checkBatchUnique(defaultRules, "task", [task, { ...task, name: "retime" }])).not.toThrow();
    expect(() => checkBatchUnique(defaultRules, "task", [task, { ...task, name: "main" }])).toThrow(/this batch/);
  });

  test("filter keys are the record's scalar fields, as FilterKey<K> has them", () => {
    const task: Record<FilterKey<"task">, true> = {
      id: true,
      name: true,
      createdAt: true,
      updatedAt: true,
      projectId: true,
      entityId: true,
      entityKind: true,
      taskTypeId: true,
      statusId: true,
      description: true,
      priority: true,
      difficulty: true,
      startDate: true,
      dueDate: true,
      estimation: true,
      duration: true,
      nbRetakes: true,
      lastCommentAt: true,
      lastPreviewId: true,
    };
    expect([...defaultRules.task.filterKeys].sort()).toEqual(Object.keys(task).sort());
    const project: Record<FilterKey<"project">, true> = {
      id: true,
      name: true,
      createdAt: true,
      updatedAt: true,
      code: true,
      description: true,
      productionType: true,
      status: true,
      fps: true,
      ratio: true,
      resolution: true,
      startDate: true,
      endDate: true,
      mainPreviewAutomated: true,
    };
    expect([...defaultRules.project.filterKeys].sort()).toEqual(Object.keys(project).sort());
  });

  test("what holds a record back from removal comes from the parents: a sequence's shots, tasks and scenes", () => {
    expect(dependentsOf(defaultRules, "sequence")).toEqual([
      { kind: "shot", field: "sequenceId" },
      { kind: "task", field: "entityId" },
      { kind: "scene", field: "sequenceId" },
    ]);
    expect(dependentsOf(defaultRules, "assetType")).toEqual([{ kind: "asset", field: "assetTypeId" }]);
  });
});

describe("rulesOf merges an adapter's overrides over the defaults", () => {
  test("an adapter without rules follows the defaults", () => {
    expect(rulesOf({})).toBe(defaultRules);
  });

  test("an overridden rule replaces the default one whole, the others stay, and the merge is kept", () => {
    const adapter = { rules: { asset: { unique: [] } } };
    const rules = rulesOf(adapter);
    expect(rules.asset.unique).toEqual([]);
    expect(rules.asset.parents).toBe(defaultRules.asset.parents);
    expect(rules.shot).toBe(defaultRules.shot);
    expect(rulesOf(adapter)).toBe(rules);
    expect(resolveRules(adapter.rules)).toEqual(rules);
  });
});

describe("unique keys", () => {
  const email = defaultRules.person.unique[0]!;

  test("null clashes with nothing under nullsDistinct; text ignores case, ids do not", () => {
    expect(uniqueIdentity(email, { email: null })).toBeUndefined();
    expect(uniqueIdentity(email, { email: "A@x.org" })).toBe(uniqueIdentity(email, { email: "a@X.org" }));
    const type = { fields: ["projectId", "name"], ignoreCase: true } as const;
    expect(uniqueIdentity(type, { projectId: "ABC", name: "N" })).toBe(JSON.stringify(["ABC", "n"]));
  });

  test("records outside `among` take no part; create inputs without the field do", () => {
    expect(uniqueIdentity(email, { email: "bot@x.org", isBot: true })).toBeUndefined();
    expect(uniqueIdentity(email, { email: "bot@x.org" })).toBeDefined();
  });

  test("null equals null otherwise: two sequences without episode clash", () => {
    const seq = { projectId: "p", episodeId: null, name: "sq010" };
    expect(() => checkBatchUnique(defaultRules, "sequence", [seq, { ...seq }])).toThrow(ConflictError);
  });

  test("lookups carry one id field as IN lists of 100 and leave several names to the comparison", () => {
    const shots = Array.from({ length: 250 }, (_, i) => ({ name: `sh${i}`, projectId: "p", sequenceId: `s${i}` }));
    const lookups = uniqueLookups(defaultRules, "shot", shots);
    expect(lookups.map((w) => (w.sequenceId as string[]).length)).toEqual([100, 100, 50]);
    expect(lookups.every((w) => !("name" in w))).toBe(true);
    expect(uniqueLookups(defaultRules, "shot", [shots[0]!])).toEqual([{ sequenceId: "s0", name: "sh0" }]);
    expect(uniqueLookups(defaultRules, "assetType", [{ name: "Props" }])).toEqual([{}]);
  });
});

describe("remove rules", () => {
  const open = { name: "Bunny", status: "open" };

  test("an open project is refused, force or not; a closed one with content only unless forced", () => {
    expect(() => planRemove(defaultRules, "project", open, {}, true)).toThrow(ValidationError);
    const closed = { ...open, status: "closed" };
    expect(() => planRemove(defaultRules, "project", closed, { shot: 2 }, false)).toThrow(/2 shots still point/);
    expect(planRemove(defaultRules, "project", closed, { shot: 2 }, true)).toBe("delete");
  });

  test("a shot with tasks is canceled unless forced; an asset type with assets is refused, forced or not", () => {
    expect(planRemove(defaultRules, "shot", { name: "sh010" }, { task: 1 }, false)).toBe("cancel");
    expect(planRemove(defaultRules, "shot", { name: "sh010" }, { task: 1 }, true)).toBe("delete");
    expect(() => planRemove(defaultRules, "assetType", { name: "Props" }, { asset: 1 }, true)).toThrow(
      /Delete them first\.$/,
    );
  });
});
