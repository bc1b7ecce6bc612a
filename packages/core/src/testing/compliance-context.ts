import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Capability } from "../adapter/capabilities.js";
import type { TrackerAdapter } from "../adapter/contract.js";
import type { Id } from "../schema/common.js";
import type { CreatableKind, CreateData, RecordOf } from "../schema/kinds.js";
import type { CommentRecord } from "../schema/reviews.js";
import { rulesOf, type TrackerRules } from "../schema/rules.js";
import type { TaskRecord } from "../schema/tasks.js";
import { buildFixtures, type Created, type Fixtures } from "./fixtures.js";
import { removeTempFiles } from "./helpers/temp-file.js";
import type { ComplianceOptions } from "./options.js";

const studioWide: ReadonlySet<string> = new Set<Created["kind"]>([
  "taskType",
  "taskStatus",
  "assetType",
  "person",
  "department",
]);

/** Kinds that live outside a project: the run removes the ones it created itself. */
export const isStudioWide = (kind: string): kind is Created["kind"] => studioWide.has(kind);

/**
 * The state one compliance run shares across its sections: the adapter, the fixtures, factories
 * for fresh records (unique names, so tests never depend on each other), and what to clean up.
 */
export class ComplianceContext {
  /** Eight hex characters that make this run's names unique on a shared tracker. */
  readonly suffix = randomUUID().slice(0, 8);
  readonly timeoutMs: number;
  readonly eventTimeoutMs: number;
  private current: TrackerAdapter | undefined;
  private built: Fixtures | undefined;
  private readonly created: Created[] = [];
  /** Extra projects made by sections (a tvshow for episodes), removed with force afterwards. */
  private readonly projects: Id[] = [];
  private counter = 0;

  constructor(
    private readonly makeAdapter: () => Promise<TrackerAdapter> | TrackerAdapter,
    options: ComplianceOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.eventTimeoutMs = options.eventTimeoutMs ?? 5000;
  }

  get adapter(): TrackerAdapter {
    if (!this.current) expect.fail("The compliance adapter is not ready: its beforeAll hook failed (see above).");
    return this.current;
  }

  get fx(): Fixtures {
    if (!this.built) expect.fail("The compliance fixtures are missing: their beforeAll hook failed (see above).");
    return this.built;
  }

  has(capability: Capability): boolean {
    return this.adapter.capabilities[capability];
  }

  /** The rules the adapter states it follows: core's defaults with its overrides. */
  get rules(): TrackerRules {
    return rulesOf(this.adapter);
  }

  /** Creates a record, and removes it after the run when it lives outside the fixture project. */
  async create<K extends CreatableKind>(kind: K, input: CreateData<K>): Promise<RecordOf<K>> {
    const record: RecordOf<K> = await this.adapter.create(kind, input);
    if (isStudioWide(kind)) this.track(kind, record.id);
    return record;
  }

  /** A name no other record of this run has: `prefix_N`. */
  name(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${String(this.counter).padStart(3, "0")}`;
  }

  async setup(): Promise<void> {
    this.current = await this.makeAdapter();
    this.built = await buildFixtures(this.current, this.suffix, this.created);
    this.projects.unshift(this.built.project.id);
  }

  /** Removes what the run created, newest first; a failure is ignored so that the rest still goes. */
  async teardown(): Promise<void> {
    const adapter = this.current;
    if (adapter) {
      for (const id of this.projects) {
        await adapter.update("project", id, { status: "closed" }).catch(() => undefined);
        await adapter.remove("project", id, { force: true }).catch(() => undefined);
      }
      for (const { kind, id } of [...this.created].reverse()) {
        await adapter.remove(kind, id, { force: true }).catch(() => undefined);
      }
      await adapter.close().catch(() => undefined);
    }
    await removeTempFiles();
  }

  trackProject(id: Id): void {
    this.projects.push(id);
  }

  track(kind: Created["kind"], id: Id): void {
    this.created.push({ kind, id });
  }

  newSequence() {
    return this.adapter.create("sequence", { name: this.name("sq"), projectId: this.fx.project.id });
  }

  newShot(extra: Partial<CreateData<"shot">> = {}) {
    const { project, sequence } = this.fx;
    return this.adapter.create("shot", {
      name: this.name("sh"),
      projectId: project.id,
      sequenceId: sequence.id,
      ...extra,
    });
  }

  newAsset(extra: Partial<CreateData<"asset">> = {}) {
    const { project, assetType } = this.fx;
    return this.adapter.create("asset", {
      name: this.name("asset"),
      projectId: project.id,
      assetTypeId: assetType.id,
      ...extra,
    });
  }

  /** A task in the `todo` status, of the shot task type (or the asset one for an asset). */
  newTask(entityId: Id, forShots = true): Promise<TaskRecord> {
    const { shotTaskType, assetTaskType, status } = this.fx;
    return this.adapter.create("task", {
      entityId,
      taskTypeId: forShots ? shotTaskType.id : assetTaskType.id,
      statusId: status.todo.id,
    });
  }

  /** A fresh shot with one task. */
  async newShotTask(): Promise<TaskRecord> {
    const shot = await this.newShot();
    return this.newTask(shot.id);
  }

  comment(taskId: Id, statusId: Id, text = "compliance comment"): Promise<CommentRecord> {
    return this.adapter.comment(taskId, { statusId, text });
  }
}
