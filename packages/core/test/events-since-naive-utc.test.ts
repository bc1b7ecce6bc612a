import { expect, test } from "vitest";
import { toSincePoint } from "../src/events/replay.js";

test("since() read a zone-less timestamp as local time instead of UTC (Kitsu writes naive UTC)", () => {
  expect(toSincePoint("2026-11-29T16:04:11")).toEqual(new Date("2026-11-29T16:04:11Z"));
  expect(toSincePoint("2026-11-29T16:04:11+01:00")).toEqual(new Date("2026-11-29T15:04:11Z"));
  expect(toSincePoint("2026-11-29T16:04:11@0f0e")).toBe("2026-11-29T16:04:11@0f0e");
});
