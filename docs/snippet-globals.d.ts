/*
 * The names a README block or an `@example` may use without declaring them, so that a snippet shows
 * only what it is about. The snippet check (docs/test/snippets.test.ts) puts them in scope of every
 * snippet; anything else a snippet uses, it imports or declares itself, or the check fails. Public
 * exports (`Project`, `PartialWriteError`, `createAdapter`, ...) are imported for it when it names them.
 */

import type {
  Asset,
  Attachment,
  Comment,
  KitsuConfig,
  PartialWriteError,
  Person,
  Preview,
  Project,
  PublishWritten,
  Sequence,
  SessionTokens,
  Shot,
  Task,
  TaskType,
  Tracker,
  TrackerEvent,
} from "@gadget/core";
import type { Page, TrackerAdapter } from "@gadget/core/adapter";
import type { MockTracker } from "@gadget/mock-tracker";
// Internal to core (no entry exports it); its own doc examples are still checked.
import type { EventHub } from "../packages/core/src/events/hub.js";

declare global {
  /** A tracker session: `await Tracker.fromEnv()`. */
  const tracker: Tracker;
  /** The in-memory tracker of a test: `demoTracker()`. */
  const mock: MockTracker;
  /** An adapter, for adapter authors. */
  const adapter: TrackerAdapter;
  /** A session's event hub. */
  const hub: EventHub<unknown>;
  /** What a multi-step write threw after its first write. */
  const error: PartialWriteError<PublishWritten>;
  /** The project at hand: `await Project.fromEnv()`. */
  const project: Project;
  /** A project being built. */
  const film: Project;
  const seq: Sequence;
  const shot: Shot;
  const task: Task;
  const comment: Comment;
  /** An asset. */
  const hero: Asset;
  /** A person to assign. */
  const artist: Person;
  /** A task type. */
  const anim: TaskType;
  /** The path of a local preview file. */
  const movie: string;
  /** Names of records to create. */
  const names: string[];
  const signal: AbortSignal;
  const controller: AbortController;
  /** An event cursor saved by a previous run. */
  const lastCursor: string;
  const yesterday: Date;
  /** A Kitsu configuration (`kitsuConfigSchema.parse(...)`). */
  const config: KitsuConfig;
  /** The page a paged query answered. */
  const page: Page<unknown>;
  /** Events collected by a listener. */
  const events: TrackerEvent[];
  /** Where a script logs. */
  function log(...values: unknown[]): void;
  const logger: { warn(...values: unknown[]): void };
  /** What a script does with an event. */
  function handle(event: TrackerEvent): void;
  /** Session tokens a previous run saved through `onTokens`. */
  const savedTokens: SessionTokens;
  /** Asks the person at the terminal a question (node:readline/promises' `rl.question`). */
  const ask: (question: string) => Promise<string>;
  /** Stores session tokens for the next run (a file only the user can read, a keychain). */
  const saveTokens: (tokens: SessionTokens) => Promise<void>;
  /** A preview of a task: `await task.lastPreview()`. */
  const preview: Preview;
  /** A file attached to a comment. */
  const attachment: Attachment;
}
