import type { Capability } from "../adapter/capabilities.js";

/** The sections of the compliance suite, one `describe` each. */
export const sections = {
  crud: { title: "create, read, update, delete", capability: null },
  lookups: { title: "lookups and pagination", capability: null },
  rules: { title: "conflicts and validation", capability: null },
  comments: { title: "comments", capability: null },
  previews: { title: "previews", capability: "previews" },
  attachments: { title: "attachments", capability: "attachments" },
  casting: { title: "casting", capability: "casting" },
  timeSpent: { title: "time spent", capability: "timeTracking" },
  assignment: { title: "assignment", capability: null },
  customData: { title: "custom data", capability: null },
  remove: { title: "remove semantics", capability: null },
  events: { title: "events", capability: "events" },
  bulk: { title: "optional batch operations (createMany, queryWithTasks)", capability: null },
  customActions: { title: "custom actions", capability: null },
  session: { title: "the session (whoami)", capability: null },
  personDepartments: { title: "person departments", capability: null },
  editConceptScene: { title: "edits, concepts and scenes", capability: null },
} as const satisfies Record<string, { title: string; capability: Capability | null }>;

/** The name of one section of the compliance suite (`crud`, `events`, ...), to skip it. */
export type Section = keyof typeof sections;

/** Options of `runAdapterCompliance()`. */
export interface ComplianceOptions {
  /**
   * Sections to leave out, each with the reason shown in the test report. Sections whose
   * capability the adapter lacks (`capabilities.casting === false`, ...) are skipped without it.
   *
   * @default {}
   * @example
   * skip: { events: "the test server has no socket.io endpoint" }
   */
  skip?: Partial<Record<Section, string>>;
  /**
   * Timeout of each test and hook, for slow trackers (a real Kitsu over the network).
   *
   * @default 30000
   * @example
   * timeoutMs: 60_000
   */
  timeoutMs?: number;
  /**
   * How long to wait for an event to arrive after the write that causes it.
   *
   * @default 5000
   * @example
   * eventTimeoutMs: 15_000
   */
  eventTimeoutMs?: number;
}
