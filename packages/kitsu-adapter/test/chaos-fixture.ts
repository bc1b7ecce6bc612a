import { randomBytes } from "node:crypto";
import { type Project, type Shot, type Task, type TaskStatus, Tracker } from "@gadget/core";
import { makeTempFile, tinyPng } from "@gadget/core/testing";
import { type FaultProxy, type FaultProxyOptions, startFaultProxy } from "@gadget/mock-tracker/fault-proxy";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { createAdapter } from "../src/index.js";
import type { RetryOptions } from "../src/transport/retry.js";

/*
 * What the chaos tests run on: a Kitsu server (the Kitsu-compatible test server, or the real one named
 * by TRACKER_URL), a fault proxy in front of it, a session through the proxy (the one under test) and
 * a clean session straight to the server (the one that builds the stage and counts what landed).
 */

export interface Backend {
  name: string;
  url: string;
  login: string;
  password: string;
  close(): Promise<void>;
}

const env = process.env;

/** The real server named by TRACKER_URL with a login and password, or undefined. */
export const realKitsu =
  env.TRACKER_URL && env.TRACKER_LOGIN && env.TRACKER_PASSWORD
    ? { url: env.TRACKER_URL, login: env.TRACKER_LOGIN, password: env.TRACKER_PASSWORD }
    : undefined;

export async function testServer(): Promise<Backend> {
  const server = await startKitsuServer();
  const close = () => server.close();
  return { name: "test server", url: server.url, login: "admin@example.com", password: "mysecretpassword", close };
}

export async function realServer(): Promise<Backend> {
  if (!realKitsu) throw new Error("TRACKER_URL, TRACKER_LOGIN and TRACKER_PASSWORD are not set");
  return { name: "real Kitsu", ...realKitsu, close: async () => undefined };
}

/** A whole number from the environment (to scale a run against the real server), or `fallback`. */
export const scaled = (name: string, fallback: number): number => {
  const n = Number(env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * Retries under heavy faults: more of them than the default 3 (at 20% faults, 4 failures in a row
 * happen once in 600 requests), and short waits so that a run stays quick.
 */
const chaosRetry: RetryOptions = { limit: 8, backoffLimit: 50, maxRetryAfter: 2_000 };

export async function connect(url: string, backend: Backend, retry: RetryOptions = chaosRetry): Promise<Tracker> {
  const adapter = await createAdapter(
    { type: "kitsu", url, login: backend.login, password: backend.password },
    { retry, onError: () => undefined },
  );
  return Tracker.connect(adapter);
}

export interface Stage {
  project: Project;
  status: TaskStatus;
  shots: Shot[];
  tasks: Task[];
}

export const suffix = () => `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

/** A project of its own (uniquely named: the real server is shared) with `shots` shots, each with an animation task. */
export async function buildStage(tracker: Tracker, shots: number): Promise<Stage> {
  const status =
    (await tracker.taskStatuses.find({ shortName: "wfa" })) ??
    (await tracker.taskStatuses.new({ name: "Waiting For Approval", shortName: "wfa" }));
  const anim =
    (await tracker.taskTypes.find({ name: "Animation" })) ??
    (await tracker.taskTypes.new({ name: "Animation", forShots: true }));
  const name = `Gadget Chaos ${suffix()}`;
  const project = await tracker.projects.new({ name, productionType: "short" });
  await project.enable(status);
  await project.enable(anim);
  const sequence = await project.sequences.new({ name: "sq010" });
  const made: Shot[] = [];
  const tasks: Task[] = [];
  for (let i = 1; i <= shots; i++) {
    const shot = await sequence.shots.new({ name: `sh${String(i * 10).padStart(4, "0")}`, frameIn: 1, frameOut: 24 });
    made.push(shot);
    tasks.push(await shot.tasks.new({ taskType: anim }));
  }
  return { project, status, shots: made, tasks };
}

export const previewFile = async () => (await makeTempFile(tinyPng, "png", "take")).path;

export async function startProxy(backend: Backend, options: Omit<FaultProxyOptions, "target">): Promise<FaultProxy> {
  return startFaultProxy({ target: backend.url, ...options });
}

/** The measured mix: 5% gateway 5xx before the server, 2% resets, 3% answers lost after the server acted. */
export const publishMix: FaultProxyOptions["rates"] = {
  serverError: 0.05,
  resetBefore: 0.01,
  resetAfter: 0.01,
  dropAfter: 0.03,
};

/** 20% faults of every kind, expiring tokens and 429s included. */
export const heavyMix: FaultProxyOptions["rates"] = {
  serverError: 0.05,
  resetBefore: 0.03,
  resetAfter: 0.03,
  dropAfter: 0.05,
  rateLimit: 0.03,
  expireToken: 0.01,
};

/** What a run left on the server, counted by the clean session. */
export interface Outcome {
  completed: number;
  raised: number;
  /** Writes found more than once (a comment with the same text on the task, an entity with the same name). */
  duplicated: number;
  /** Publishes whose comment lacks its preview, or a preview without its file. */
  halfWritten: number;
  /** Writes not found at all although the call completed. */
  missing: number;
}

/** Runs `jobs` with at most `concurrency` at a time; returns the errors (undefined for a success) in order. */
export async function runAll(jobs: (() => Promise<unknown>)[], concurrency: number): Promise<unknown[]> {
  const errors: unknown[] = new Array(jobs.length).fill(undefined);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      try {
        await (jobs[i] as () => Promise<unknown>)();
      } catch (error) {
        errors[i] = error ?? new Error("rejected without a reason");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return errors;
}

/**
 * Counts the comments of `task` (on the clean session): per expected text, how many there are, and
 * how many previews of the task have no file.
 */
export async function commentsOf(tracker: Tracker, task: Task) {
  const rows = await tracker.raw.get<{ text: string; previews: { original_name?: string | null }[] }[]>(
    `data/tasks/${task.id}/comments`,
  );
  const previews = await tracker.raw.get<{ original_name?: string | null }[]>("data/preview-files", {
    searchParams: { task_id: task.id },
  });
  return {
    byText: rows.reduce((m, r) => m.set(r.text, (m.get(r.text) ?? 0) + 1), new Map<string, number>()),
    withoutPreview: new Set(rows.filter((r) => r.previews.length === 0).map((r) => r.text)),
    filelessPreviews: previews.filter((p) => !p.original_name).length,
  };
}

/** One line for the log of a run: what the proxy did and what landed. */
export function report(title: string, proxy: FaultProxy, outcome: Outcome): string {
  const c = proxy.counts;
  return (
    `${title}: completed ${outcome.completed}, duplicated ${outcome.duplicated}, half-written ${outcome.halfWritten}, ` +
    `missing ${outcome.missing}, raised ${outcome.raised} | proxy: ${c.requests} requests, ${c.serverError} 5xx before, ` +
    `${c.resetBefore} resets before, ${c.resetAfter} resets after, ${c.dropAfter} answers dropped after, ` +
    `${c.rateLimit} 429, ${c.expireToken} tokens expired (${c.expiredRefusals} refusals)`
  );
}
