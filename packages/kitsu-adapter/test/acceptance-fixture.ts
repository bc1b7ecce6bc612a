import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Project } from "@gadget/core";
import { demoTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterEach } from "vitest";
import * as kitsu from "../src/index.js";

/*
 * The public API as a TD uses it, on Kitsu (through the Kitsu-compatible server over the demo
 * studio) and, for comparison, on the mock tracker: each scenario runs on both and returns plain
 * data, so a difference between the backends shows as a failed equality.
 */

const PROJECT = "Bunny Escape";
const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

/** The demo project on `server`, as `login` (closed after the test). */
export async function openAs(server: KitsuServer, login: string, password: string): Promise<Project> {
  const project = await Project.fromEnv({
    env: { TRACKER_URL: server.url, TRACKER_LOGIN: login, TRACKER_PASSWORD: password, TRACKER_PROJECT: PROJECT },
    envFile: false,
    modules: { kitsu },
  });
  open.push(project.tracker);
  return project;
}

export async function onKitsu(): Promise<{ project: Project; server: KitsuServer }> {
  const server = await startKitsuServer({ tracker: demoTracker() });
  open.push(server);
  return { project: await openAs(server, "admin@example.com", "mysecretpassword"), server };
}

async function onMock(): Promise<Project> {
  const project = await Project.fromEnv({
    env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: PROJECT },
    envFile: false,
  });
  open.push(project.tracker);
  return project;
}

/** Runs a scenario on both backends; returns what each gave (Kitsu first). */
export async function both<T>(scenario: (project: Project) => Promise<T>): Promise<{ kitsu: T; mock: T }> {
  const kitsuResult = await scenario((await onKitsu()).project);
  const mockResult = await scenario(await onMock());
  return { kitsu: kitsuResult, mock: mockResult };
}

export async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gadget-acceptance-"));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

export async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export const names = (entities: readonly { name: string }[]) => entities.map((e) => e.name).sort();
