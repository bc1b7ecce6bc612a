export * from "@gadget/core";
export type { Page, PageRequest, RawClient, RecordOf, ShotRecord, Where } from "@gadget/core/adapter";
export { table } from "@gadget/examples/lib/table";
export * as kitsuModule from "@gadget/kitsu-adapter";
export { KitsuAdapter } from "@gadget/kitsu-adapter";
export { MockTracker } from "@gadget/mock-tracker";
export { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
