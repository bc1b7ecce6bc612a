import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Asset,
  type Comment,
  type Person,
  type Playlist,
  type Preview,
  type Project,
  type Sequence,
  type Shot,
  type Task,
  type TaskType,
  Tracker,
} from "@gadget/core";
import * as kitsu from "@gadget/kitsu-adapter";
import { demoTracker, MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";

/*
 * The world every bad input is tried in: the demo studio with a second project, on the mock tracker
 * or on the Kitsu adapter over the Kitsu-compatible server (whose store is a mock tracker too), plus
 * entities of a session on another tracker and files that cannot be sent. `store()` is the store's
 * whole content, compared before and after each case.
 */

export type Backend = "mock" | "kitsu";
export const backends: readonly Backend[] = ["mock", "kitsu"];

export const DEMO_PROJECT = "Bunny Escape";
export const ADMIN = { login: "admin@example.com", password: "mysecretpassword" };

export interface Files {
  /** A small readable file. */
  ok: string;
  empty: string;
  directory: string;
  missing: string;
  /** A path under a file, as if the file were a directory. */
  underFile: string;
}

export interface World {
  backend: Backend;
  tracker: Tracker;
  project: Project;
  sequence: Sequence;
  shot: Shot;
  /** The Animation task of `shot` (assigned to `artist`). */
  task: Task;
  asset: Asset;
  assetTask: Task;
  comment: Comment;
  preview: Preview;
  playlist: Playlist;
  artist: Person;
  animation: TaskType;
  /** Another project of the same studio, with a sequence, a shot with a task, an asset and a playlist. */
  other: { project: Project; sequence: Sequence; shot: Shot; task: Task; asset: Asset; playlist: Playlist };
  /** Entities of a session on another tracker: their ids mean nothing here. */
  foreign: { project: Project; sequence: Sequence; shot: Shot };
  files: Files;
  /** The `TRACKER_*` variables that open this backend's demo project. */
  env: Record<string, string>;
  /** The studio's whole stored content, as text. */
  store(): string;
  close(): Promise<void>;
}

async function makeFiles(): Promise<Files> {
  const dir = await mkdtemp(join(tmpdir(), "gadget-bad-input-"));
  const ok = join(dir, "sh060_v001.mp4");
  const empty = join(dir, "empty.mp4");
  const directory = join(dir, "renders");
  await writeFile(ok, "fake movie bytes");
  await writeFile(empty, "");
  await mkdir(directory);
  return { ok, empty, directory, missing: join(dir, "nope.mp4"), underFile: join(ok, "inside.mp4") };
}

/** The second project, made through the session as a TD would. */
async function otherProject(tracker: Tracker): Promise<World["other"]> {
  const project = await tracker.projects.new({ name: "Other Film" });
  const sequence = await project.sequences.new({ name: "sq900" });
  const shot = await sequence.shots.new({ name: "sh900", frameIn: 1, frameOut: 10 });
  const task = await shot.tasks.new({ taskType: "Animation" });
  const asset = await project.assets.new({ name: "Wolf", assetType: "Character" });
  const playlist = await project.playlists.new({ name: "Other dailies", forEntity: "shot" });
  return { project, sequence, shot, task, asset, playlist };
}

/** A session on a tracker of its own, with a shot: what a TD holds from another connection. */
async function foreignEntities(): Promise<World["foreign"]> {
  const tracker = Tracker.connect(new MockTracker({ seed: 99 }));
  const project = await tracker.projects.new({ name: "Elsewhere" });
  const sequence = await project.sequences.new({ name: "sq001" });
  const shot = await sequence.shots.new({ name: "sh001" });
  return { project, sequence, shot };
}

async function session(backend: Backend): Promise<{
  tracker: Tracker;
  store: MockTracker;
  env: Record<string, string>;
  server?: KitsuServer;
}> {
  const store = demoTracker();
  if (backend === "mock") {
    return {
      tracker: Tracker.connect(store),
      store,
      env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: DEMO_PROJECT },
    };
  }
  const server = await startKitsuServer({ tracker: store });
  const env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: ADMIN.login,
    TRACKER_PASSWORD: ADMIN.password,
    TRACKER_PROJECT: DEMO_PROJECT,
  };
  const tracker = await Tracker.fromEnv({ env, envFile: false, modules: { kitsu } });
  return { tracker, store, env, server };
}

export async function buildWorld(backend: Backend): Promise<World> {
  const { tracker, store, env, server } = await session(backend);
  const project = await tracker.projects.get({ name: DEMO_PROJECT });
  const sequence = await project.sequences.get({ name: "sq010" });
  const shot = await sequence.shots.get({ name: "sh060" });
  const task = await shot.tasks.fetch("Animation");
  const asset = await project.assets.get({ name: "Fox" });
  const assetTask = await asset.tasks.fetch("Modeling");
  const [artist] = await task.assignees();
  const comment = await task.comments.new({ comment: "bad-input fixture" });
  const withPreview = (await project.shots.all()).find((s) => s.previewId !== null);
  const preview = await withPreview?.preview();
  const playlist = await project.playlists.get({ name: "Dailies 2026-01-09" });
  const animation = await tracker.taskTypes.get({ name: "Animation" });
  const other = await otherProject(tracker);
  const foreign = await foreignEntities();
  if (!artist || !preview) throw new Error("The demo studio lacks the assigned artist or a preview");
  return {
    backend,
    tracker,
    project,
    sequence,
    shot,
    task,
    asset,
    assetTask,
    comment,
    preview,
    playlist,
    artist,
    animation,
    other,
    foreign,
    files: await makeFiles(),
    env,
    store: () => JSON.stringify(store.snapshot()),
    close: async () => {
      await tracker.close();
      await server?.close();
    },
  };
}
