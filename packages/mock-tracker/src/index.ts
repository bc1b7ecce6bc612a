export { createAdapter, trackerFromSnapshotFile } from "./create-adapter.js";
export { type FaultKind, type FaultOperation, Faults } from "./faults.js";
export { MockTracker } from "./mock-tracker.js";
export type { MockTrackerOptions } from "./options.js";
export { DEMO_SEED, demoTracker } from "./seeds/demo.js";
export { solidPng } from "./seeds/demo-files.js";
export { SNAPSHOT_FORMAT, type StudioSnapshot } from "./snapshot.js";
export type { Stored, Studio } from "./studio/studio.js";
