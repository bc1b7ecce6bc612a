import { expect, test } from "vitest";
import { Generator } from "./generator.js";
import type { Op } from "./ops.js";

function draw(seed: number, count: number): Op[] {
  const generator = new Generator(seed, { runTag: "t" });
  return Array.from({ length: count }, () => {
    const op = generator.next();
    generator.observe(op, true, null);
    return op;
  });
}

test("the same seed draws the same operations; another seed draws others", () => {
  expect(draw(7, 120)).toEqual(draw(7, 120));
  expect(draw(8, 120)).not.toEqual(draw(7, 120));
});

test("a sequence covers creates, queries, publishing and errors on purpose", () => {
  const types = new Set(draw(3, 400).map((op) => op.type));
  for (const type of ["project.new", "shot.new", "asset.new", "task.new", "query", "publish", "save", "delete"]) {
    expect(types).toContain(type);
  }
});
