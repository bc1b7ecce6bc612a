import type { Asset, Shot, Task, Tracker } from "@gadget/core";
import { removeTempFiles } from "@gadget/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Backend,
  buildStage,
  commentsOf,
  connect,
  heavyMix,
  type Outcome,
  previewFile,
  publishMix,
  realKitsu,
  realServer,
  report,
  runAll,
  scaled,
  startProxy,
  testServer,
} from "./chaos-fixture.js";

/*
 * Publishes and a mixed workload through the fault proxy, and then a count, on a clean session, of
 * what landed: every write exactly once, nothing half-written, nothing raised. Runs on the
 * Kitsu-compatible test server (bounded, seeded), and on the real Kitsu named by TRACKER_URL when it
 * and a login are set. CHAOS_PUBLISHES, CHAOS_OPERATIONS and CHAOS_CONCURRENCY scale a run against
 * the real server (e.g. 40 and 1000).
 */

afterAll(removeTempFiles);

interface Scale {
  publishes: number;
  operations: number;
  concurrency: number;
  /** The `Retry-After` of the proxy's 429s, in seconds. */
  retryAfterSeconds: number;
}

/** Publishes with a preview and setMainPreview on `publishes` tasks' worth of comments. */
async function publishRun(backend: Backend, scale: Scale): Promise<Outcome> {
  const clean = await connect(backend.url, backend);
  const stage = await buildStage(clean, 4);
  const proxy = await startProxy(backend, { seed: 11, rates: publishMix, retryAfterSeconds: scale.retryAfterSeconds });
  // Whatever the draws, each landed-but-lost case happens at least once.
  proxy.script({ fault: "dropAfter", method: "POST", path: "/api/actions/tasks/*/batch-comment" });
  proxy.script({ fault: "serverError", method: "POST", path: "/api/actions/tasks/*/batch-comment" });
  proxy.script({ fault: "resetAfter", method: "PUT", path: "/api/actions/preview-files/*/set-main-preview" });
  const tracker = await connect(proxy.url, backend);
  const file = await previewFile();
  const texts = Array.from({ length: scale.publishes }, (_, i) => `take ${i + 1}`);
  const taskOf = (i: number) => stage.tasks[i % stage.tasks.length] as Task;
  const previewCounts: number[] = [];
  try {
    const errors = await runAll(
      texts.map((text, i) => async () => {
        const task = await tracker.load("task", taskOf(i).id);
        const comment = await task.comments.new({ comment: text, status: "wfa", preview: file, setMainPreview: true });
        previewCounts[i] = comment.previewIds.length;
        expect(comment.text).toBe(text);
      }),
      scale.concurrency,
    );
    const outcome: Outcome = { completed: 0, raised: 0, duplicated: 0, halfWritten: 0, missing: 0 };
    for (const [t, task] of stage.tasks.entries()) {
      const found = await commentsOf(clean, task);
      outcome.halfWritten += found.filelessPreviews;
      texts.forEach((text, i) => {
        if (i % stage.tasks.length !== t) return;
        const count = found.byText.get(text) ?? 0;
        if (errors[i]) outcome.raised++;
        else outcome.completed++;
        if (count > 1) outcome.duplicated += count - 1;
        if (count === 0 && !errors[i]) outcome.missing++;
        if (found.withoutPreview.has(text) || (!errors[i] && previewCounts[i] !== 1)) outcome.halfWritten++;
      });
    }
    console.info(report(`${scale.publishes} publishes on the ${backend.name}`, proxy, outcome));
    for (const error of errors.filter(Boolean)) console.info("raised:", error);
    expect(proxy.counts.dropAfter + proxy.counts.resetAfter).toBeGreaterThanOrEqual(2);
    return outcome;
  } finally {
    await tracker.close();
    await clean.close();
    await proxy.close();
  }
}

/** A small seeded generator: the same workload on every run. */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/**
 * `operations` writes drawn from creates (shots, assets, tasks), updates, publishes and castings, one
 * after another, through 20% faults with expiring tokens and 429s; then each write is looked for.
 */
async function mixedRun(backend: Backend, scale: Scale): Promise<Outcome> {
  const clean = await connect(backend.url, backend);
  const stage = await buildStage(clean, 2);
  const projectId = stage.project.id;
  const assetType =
    (await clean.assetTypes.find({ name: "Character" })) ?? (await clean.assetTypes.new({ name: "Character" }));
  await stage.project.enable(assetType);
  const proxy = await startProxy(backend, { seed: 23, rates: heavyMix, retryAfterSeconds: scale.retryAfterSeconds });
  const tracker = await connect(proxy.url, backend);
  const file = await previewFile();
  const pick = seeded(5);
  const at = <T>(list: readonly T[]) => list[pick(list.length)] as T;

  const project = await tracker.load("project", projectId);
  const sequence = await project.sequences.get({ name: "sq010" });
  const shots = new Map<string, { shot: Shot; frameOut: number; note: string | null; task?: Task }>();
  for (const [i, s] of stage.shots.entries())
    shots.set(s.name, { shot: await tracker.load("shot", s.id), frameOut: 24, note: null, task: stage.tasks[i] });
  const assets = new Map<string, Asset>();
  const published = new Map<string, string[]>();
  const casting = new Map<string, Map<string, number>>();
  const taskType = await tracker.taskTypes.get({ name: "Animation" });

  const operations: (() => Promise<unknown>)[] = [];
  const kinds = ["shot", "asset", "task", "update", "update", "publish", "publish", "casting"] as const;
  for (let i = 1; i <= scale.operations; i++) {
    const kind = at(kinds);
    operations.push(async () => {
      if (i === Math.ceil(scale.operations / 2)) proxy.script({ fault: "expireToken" });
      const taskless = [...shots.values()].filter((s) => !s.task);
      const tasked = [...shots.values()].filter((s) => s.task);
      if (kind === "shot" || (kind === "task" && taskless.length === 0)) {
        const name = `sh${String(1000 + i)}`;
        shots.set(name, {
          shot: await sequence.shots.new({ name, frameIn: 1, frameOut: 24 }),
          frameOut: 24,
          note: null,
        });
      } else if (kind === "asset" || (kind === "casting" && assets.size === 0)) {
        const name = `as${String(1000 + i)}`;
        assets.set(name, await project.assets.new({ name, assetType: assetType.id }));
      } else if (kind === "task") {
        const entry = at(taskless);
        entry.task = await entry.shot.tasks.new({ taskType });
      } else if (kind === "update") {
        const entry = at([...shots.values()]);
        entry.shot.frameOut = 24 + i;
        entry.shot.customData.note = `op ${i}`;
        await entry.shot.save();
        entry.frameOut = 24 + i;
        entry.note = `op ${i}`;
      } else if (kind === "publish") {
        const entry = at(tasked);
        const text = `op ${i}`;
        await entry.task?.comments.new({ comment: text, status: "wfa", preview: file, setMainPreview: true });
        published.set(String(entry.task?.id), [...(published.get(String(entry.task?.id)) ?? []), text]);
      } else {
        const entry = at([...shots.values()]);
        const chosen = new Map(
          [...new Set([at([...assets.keys()]), at([...assets.keys()])])].map((n) => [n, 1 + pick(3)]),
        );
        await entry.shot.casting.set(
          [...chosen].map(([name, occurrences]) => ({ asset: assets.get(name) as Asset, occurrences })),
        );
        casting.set(entry.shot.name, chosen);
      }
    });
  }
  try {
    const errors = await runAll(operations, 1);
    const outcome: Outcome = { completed: 0, raised: 0, duplicated: 0, halfWritten: 0, missing: 0 };
    for (const error of errors) {
      if (error) outcome.raised++;
      else outcome.completed++;
    }
    await countMixed(backend, projectId, { shots, assets, published, casting }, outcome);
    console.info(report(`${scale.operations} mixed operations on the ${backend.name}`, proxy, outcome));
    for (const error of errors.filter(Boolean)) console.info("raised:", error);
    expect(proxy.counts.expireToken).toBeGreaterThanOrEqual(1);
    return outcome;
  } finally {
    await tracker.close();
    await clean.close();
    await proxy.close();
  }
}

interface Expected {
  shots: Map<string, { frameOut: number; note: string | null; task?: Task }>;
  assets: Map<string, Asset>;
  published: Map<string, string[]>;
  casting: Map<string, Map<string, number>>;
}

/** Looks for every write of the mixed run on a fresh session straight to the server. */
async function countMixed(backend: Backend, projectId: string, expected: Expected, outcome: Outcome): Promise<void> {
  const fresh: Tracker = await connect(backend.url, backend);
  try {
    const project = await fresh.load("project", projectId);
    const tally = <T extends { name: string }>(rows: readonly T[], names: Iterable<string>) => {
      const counts = rows.reduce((m, r) => m.set(r.name, (m.get(r.name) ?? 0) + 1), new Map<string, number>());
      for (const c of counts.values()) if (c > 1) outcome.duplicated += c - 1;
      for (const name of names) if (!counts.has(name)) outcome.missing++;
    };
    const shots = await project.shots.all();
    tally(shots, expected.shots.keys());
    tally(await project.assets.all(), expected.assets.keys());
    const tasks = await project.tasks.all();
    const tasksPerShot = tasks.reduce(
      (m, t) => m.set(t.entityId, (m.get(t.entityId) ?? 0) + 1),
      new Map<string, number>(),
    );
    for (const shot of shots) {
      const want = expected.shots.get(shot.name);
      const count = tasksPerShot.get(shot.id) ?? 0;
      if (count > 1) outcome.duplicated += count - 1;
      if (want?.task && count === 0) outcome.missing++;
      if (want && (shot.frameOut !== want.frameOut || (shot.customData.note ?? null) !== want.note)) outcome.missing++;
      const cast = expected.casting.get(shot.name);
      if (cast) {
        const got = new Map((await shot.casting.get()).map((e) => [e.asset.name, e.occurrences]));
        if (JSON.stringify([...got].sort()) !== JSON.stringify([...cast].sort())) outcome.missing++;
      }
    }
    for (const [taskId, texts] of expected.published) {
      const found = await commentsOf(fresh, await fresh.load("task", taskId));
      outcome.halfWritten += found.filelessPreviews;
      for (const text of texts) {
        const count = found.byText.get(text) ?? 0;
        if (count > 1) outcome.duplicated += count - 1;
        if (count === 0) outcome.missing++;
        if (found.withoutPreview.has(text)) outcome.halfWritten++;
      }
    }
  } finally {
    await fresh.close();
  }
}

const clean = { raised: 0, duplicated: 0, halfWritten: 0, missing: 0 };

/** The two runs on one backend; the real server is shared, so its backend is not closed. */
function chaosSuite(start: () => Promise<Backend>, scale: Scale, perOperationMs: number): void {
  const onBackend = async (run: (backend: Backend) => Promise<void>) => {
    const backend = await start();
    try {
      await run(backend);
    } finally {
      await backend.close();
    }
  };
  it(
    "publishes with a preview and setMainPreview all complete: none doubled, none half-written, none raised",
    () =>
      onBackend(async (backend) => {
        expect(await publishRun(backend, scale)).toMatchObject({ completed: scale.publishes, ...clean });
      }),
    60_000 + scale.publishes * perOperationMs * 2,
  );

  it(
    "a mixed workload (creates, updates, publishes, casting) at 20% faults leaves every write exactly once",
    () =>
      onBackend(async (backend) => {
        expect(await mixedRun(backend, scale)).toMatchObject({ completed: scale.operations, ...clean });
      }),
    60_000 + scale.operations * perOperationMs,
  );
}

describe("chaos: through the fault proxy to the Kitsu-compatible test server", () => {
  chaosSuite(testServer, { publishes: 10, operations: 40, concurrency: 1, retryAfterSeconds: 0 }, 2_000);
});

describe.skipIf(!realKitsu)(
  `chaos: through the fault proxy to the real Kitsu at TRACKER_URL${realKitsu ? "" : " (skipped: TRACKER_URL, TRACKER_LOGIN and TRACKER_PASSWORD are not set)"}`,
  () => {
    const scale: Scale = {
      publishes: scaled("CHAOS_PUBLISHES", 10),
      operations: scaled("CHAOS_OPERATIONS", 40),
      concurrency: scaled("CHAOS_CONCURRENCY", 1),
      retryAfterSeconds: 1,
    };
    chaosSuite(realServer, scale, 5_000);
  },
);
