import { type BadInput, bad, corpus } from "./corpus.js";

/* Listening (project.on, tracker.on), live iteration (project.events()) and replay (events.since()). */

const noop = () => undefined;

const listening: BadInput[] = [
  {
    name: 'project.on("task:status-change"): a typo',
    run: (w) => w.project.on(bad("task:status-change"), noop),
    says: ['"task:status-change"', '"task:status-changed"'],
  },
  { name: 'project.on("")', run: (w) => w.project.on(bad(""), noop), says: ['""', "event name"] },
  { name: "project.on(undefined)", run: (w) => w.project.on(bad(undefined), noop), says: ["event name", "undefined"] },
  { name: "project.on(42)", run: (w) => w.project.on(bad(42), noop), says: ["event name", "number"] },
  { name: 'project.on("shot")', run: (w) => w.project.on(bad("shot"), noop), says: ['"shot"', "shot:new"] },
  { name: 'project.on("shot:*"): a pattern', run: (w) => w.project.on(bad("shot:*"), noop), says: ['"shot:*"', '"*"'] },
  {
    name: 'project.on("Shot:New"): wrong case',
    run: (w) => w.project.on(bad("Shot:New"), noop),
    says: ['"Shot:New"', '"shot:new"'],
  },
  {
    name: 'project.on("shot:created")',
    run: (w) => w.project.on(bad("shot:created"), noop),
    says: ['"shot:created"', '"shot:new"'],
  },
  {
    name: 'project.on("shots:new")',
    run: (w) => w.project.on(bad("shots:new"), noop),
    says: ['"shots:new"', '"shot:new"'],
  },
  {
    name: "project.on(name) without a handler",
    run: (w) => w.project.on("shot:new", bad(undefined)),
    says: ["handler", "function"],
  },
  { name: 'project.on(name, "log")', run: (w) => w.project.on("shot:new", bad("log")), says: ["handler", "function"] },
  {
    name: 'tracker.on("person:created")',
    run: (w) => w.tracker.on(bad("person:created"), noop),
    says: ['"person:created"', '"person:new"'],
  },
  {
    name: "tracker.on(a handler first)",
    run: (w) => w.tracker.on(bad(noop), bad("shot:new")),
    says: ["event name", "function"],
  },
];

const live: BadInput[] = [
  { name: 'events({ names: ["bogus"] })', run: (w) => w.project.events({ names: bad(["bogus"]) }), says: ['"bogus"'] },
  {
    name: 'events({ names: "shot:new" }): not a list',
    run: (w) => w.project.events({ names: bad("shot:new") }),
    says: ["names", "array"],
  },
  {
    name: 'events({ signal: "stop" })',
    run: (w) => w.project.events({ signal: bad("stop") }),
    says: ["signal", "AbortSignal"],
  },
  { name: 'events("shot:new")', run: (w) => w.project.events(bad("shot:new")), says: ["events()", "{ names"] },
];

const since: BadInput[] = [
  { name: 'events.since("yesterday")', run: (w) => w.project.events.since("yesterday"), says: ['"yesterday"', "ISO"] },
  { name: "events.since(undefined)", run: (w) => w.project.events.since(bad(undefined)), says: ["since", "undefined"] },
  {
    name: "events.since(42): a number",
    run: (w) => w.project.events.since(bad(42)),
    says: ["since", "number", "Date"],
  },
  {
    name: "events.since(an invalid Date)",
    run: (w) => w.project.events.since(new Date("nope")),
    says: ["invalid Date"],
  },
  {
    name: 'events.since("2026-13-45T00:00:00Z")',
    run: (w) => w.project.events.since("2026-13-45T00:00:00Z"),
    says: ['"2026-13-45T00:00:00Z"'],
  },
  { name: 'events.since("")', run: (w) => w.project.events.since(""), says: ['""', "cursor"] },
  {
    name: "events.since(date, { limit: -1 })",
    run: (w) => w.project.events.since(new Date(0), { limit: -1 }),
    says: ["limit"],
  },
  {
    name: "events.since(date, { limit: 0 })",
    run: (w) => w.project.events.since(new Date(0), { limit: 0 }),
    says: ["limit"],
  },
  {
    name: "events.since(date, { limit: 1.5 })",
    run: (w) => w.project.events.since(new Date(0), { limit: 1.5 }),
    says: ["limit"],
  },
  {
    name: 'events.since(date, { follow: "yes" })',
    run: (w) => w.project.events.since(new Date(0), bad({ follow: "yes" })),
    says: ["follow", "boolean"],
  },
  {
    name: "events.since(date, { clockSkewMs: -5 })",
    run: (w) => w.project.events.since(new Date(0), { clockSkewMs: -5 }),
    says: ["clockSkewMs"],
  },
  {
    name: "events.since(date, { folow: true }): a misspelled option",
    run: (w) => w.project.events.since(new Date(0), bad({ folow: true })),
    says: ['"folow"', "follow"],
  },
];

corpus("events", [...listening, ...live, ...since]);
