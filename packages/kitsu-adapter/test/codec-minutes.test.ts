import { expect, it } from "vitest";
import { minutesToSeconds, secondsToMinutes } from "../src/codec/values.js";

it("minutes summed by Kitsu come back as whole seconds (a task's duration read 16163.999999999998)", () => {
  const minutes = [3600, 5364, 7200].map(secondsToMinutes).reduce((a, b) => a + b, 0);
  expect(minutesToSeconds(minutes)).toBe(16164);
  expect(minutesToSeconds(secondsToMinutes(1.5))).toBe(1.5);
});
