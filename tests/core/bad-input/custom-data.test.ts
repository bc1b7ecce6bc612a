import { type BadInput, bad, corpus } from "./corpus.js";
import type { World } from "./world.js";

/* customData is JSON: on new(), on save() after changing a key, and assigned whole. */

const circular = (): Record<string, unknown> => {
  const value: Record<string, unknown> = { cam: "A" };
  value.self = value;
  return value;
};

const deep = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) value = { nested: value };
  return value;
};

/** Values custom data cannot hold, with the path the error must name under `customData`. */
const notJson: [label: string, make: () => unknown, path: string][] = [
  ["a BigInt", () => 10n, "cam"],
  ["a circular object", circular, "cam.self"],
  ["a function", () => () => "A", "cam"],
  ["a symbol", () => Symbol("A"), "cam"],
  ["undefined inside an array", () => ["A", undefined], "cam.1"],
  ["a Date", () => new Date("2026-01-05T09:00:00Z"), "cam"],
  ["NaN", () => Number.NaN, "cam"],
  ["Infinity", () => Number.POSITIVE_INFINITY, "cam"],
  ["a Map", () => new Map([["lens", 35]]), "cam"],
  ["a Set", () => new Set(["A"]), "cam"],
  ["a Buffer", () => Buffer.from("A"), "cam"],
  ["a class instance", () => new URL("http://cam.example.com"), "cam"],
  ["a __proto__ key parsed from JSON", () => JSON.parse('{"__proto__": {"polluted": true}}'), "cam.__proto__"],
  ["200 levels of nesting", () => deep(200), "cam"],
  ["an entity", () => ({ shot: "placeholder" }), "cam"],
];

const onNew: BadInput[] = notJson.map(([label, make, path]) => ({
  name: `new() with ${label} in customData`,
  run: (w: World) =>
    w.sequence.shots.new({ name: "sh070", customData: { cam: label === "an entity" ? w.shot : make() } }),
  says: [`customData.${path}`, "JSON"],
}));

const onSave: BadInput[] = notJson.map(([label, make, path]) => ({
  name: `save() after setting a customData key to ${label}`,
  run: (w: World) => {
    w.shot.customData.cam = label === "an entity" ? w.asset : make();
    return w.shot.save();
  },
  says: [`customData.${path}`, "JSON"],
}));

const whole: BadInput[] = [
  {
    name: "customData = null",
    run: (w) => {
      w.shot.customData = bad(null);
    },
    says: ["customData"],
  },
  {
    name: "customData = [] (an array)",
    run: (w) => {
      w.shot.customData = bad(["A"]);
    },
    says: ["customData"],
  },
  {
    name: 'customData = "cam A"',
    run: (w) => {
      w.shot.customData = bad("cam A");
    },
    says: ["customData"],
  },
  {
    name: "customData = { cam: 1n }",
    run: (w) => {
      w.shot.customData = { cam: 1n };
    },
    says: ["shot.customData", "cam", "JSON"],
  },
  {
    name: "customData with a symbol key",
    run: (w) => w.sequence.shots.new({ name: "sh070", customData: { [Symbol("cam")]: "A" } as never }),
    says: ["customData", "symbol"],
  },
  {
    name: "customData: null on new()",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", customData: null })),
    says: ["customData"],
  },
  {
    name: "customData: 42 on new()",
    run: (w) => w.sequence.shots.new(bad({ name: "sh070", customData: 42 })),
    says: ["customData"],
  },
  {
    name: "task customData with a BigInt",
    run: (w) => w.shot.tasks.new({ taskType: "Layout", name: "extra", customData: { budget: 5n } }),
    says: ["customData.budget", "JSON"],
  },
  {
    name: "person customData with a function",
    run: (w) => w.tracker.persons.new({ firstName: "Eve", lastName: "Doe", customData: { greet: () => "hi" } }),
    says: ["customData.greet", "JSON"],
  },
  {
    name: "project customData with a circular value",
    run: (w) => w.tracker.projects.new({ name: "New Film", customData: circular() }),
    says: ["customData.self", "JSON"],
  },
  {
    name: "asset save() after a customData key set to undefined inside an array",
    run: (w) => {
      w.asset.customData.tags = ["hero", undefined];
      return w.asset.save();
    },
    says: ["customData.tags.1", "JSON"],
  },
  {
    name: "entity.changed after a BigInt in customData, then save()",
    run: (w) => {
      w.task.customData.budget = 5n;
      return w.task.changed ? w.task.save() : "unchanged";
    },
    says: ["customData.budget"],
  },
];

corpus("custom data", [...onNew, ...onSave, ...whole]);
