/*
 * custom-action: serves a Kitsu custom action, "Publish latest renders": for each task selected in
 * Kitsu, the newest file under `<renders>/<shot or asset name>/` is published as a comment with that
 * preview (status `wfa` unless --status says otherwise).
 *
 *   pnpm custom-action [--port 8000] [--host 127.0.0.1] [--renders ./renders] [--status wfa]
 *                      [--origin https://kitsu.studio.example] [--register <this server's URL>]
 *
 * Runs on the in-memory demo studio unless TRACKER_* says otherwise (TRACKER_URL + TRACKER_LOGIN/
 * TRACKER_PASSWORD or TRACKER_TOKEN for Kitsu). `--register <url>` adds the action to Kitsu
 * (tracker.customActions.new; an admin login), pointing at <url>, unless it is there already.
 * On the demo studio it prints a curl line that posts what Kitsu's button would.
 */
import { readdir, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type CustomAction, type Task, Tracker } from "@gadget/core";
import { type CustomActionRequest, createCustomActionHandler } from "@gadget/core/custom-actions";

/** The action's name in Kitsu's menu. */
export const actionName = "Publish latest renders";

/** The newest file (by modification time) in `<renders>/<entityName>/`, or undefined. */
export async function newestRender(renders: string, entityName: string): Promise<string | undefined> {
  const folder = join(renders, entityName);
  const names = await readdir(folder).catch(() => [] as string[]);
  let newest: { path: string; time: number } | undefined;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    if (info.isFile() && (!newest || info.mtimeMs > newest.time)) newest = { path, time: info.mtimeMs };
  }
  return newest?.path;
}

/** What one run published and what it skipped (no render found). */
export interface PublishReport {
  message: string;
  published: { task: string; file: string }[];
  skipped: string[];
}

/** Publishes the newest render of each selected task's shot or asset. */
export async function publishLatestRenders(
  action: CustomActionRequest,
  options: { renders: string; status: string },
): Promise<PublishReport> {
  const person = await action.person();
  const report: PublishReport = { message: "", published: [], skipped: [] };
  for (const task of await action.tasks()) {
    const entity = await task.entity();
    const label = `${entity.name} / ${(await task.taskType()).name}`;
    const file = await newestRender(options.renders, entity.name);
    if (!file) {
      report.skipped.push(label);
      continue;
    }
    await task.comments.new({
      comment: `Latest render, published by ${person.name} from Kitsu: ${file.split(/[\\/]/).pop()}`,
      status: options.status,
      preview: [file],
    });
    report.published.push({ task: label, file: file.split(/[\\/]/).pop() ?? file });
  }
  const skipped = report.skipped.length ? `; no render for ${report.skipped.join(", ")}` : "";
  report.message = `Published ${report.published.length} render(s)${skipped}.`;
  return report;
}

/** Adds the action to the tracker (studio admins only), or returns the one already pointing at `url`. */
export async function registerAction(tracker: Tracker, url: string): Promise<CustomAction> {
  const existing = await tracker.customActions.find({ name: actionName, url });
  return existing ?? tracker.customActions.new({ name: actionName, url, entityType: "all", isAjax: false });
}

export interface ServeOptions {
  tracker: Tracker;
  /** The renders folder. */
  renders: string;
  /** @default "wfa" */
  status?: string;
  /** @default 0 (any free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Kitsu's web UI origin; @default the TRACKER_URL's origin */
  origin?: string;
}

/** Serves the action over node:http; resolves once it listens. */
export async function serveCustomAction(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const handler = createCustomActionHandler({
    tracker: options.tracker,
    ...(options.origin ? { origin: options.origin } : {}),
    handle: (action) => publishLatestRenders(action, { renders: options.renders, status: options.status ?? "wfa" }),
  });
  const server = createServer(handler.node);
  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A curl line that posts what Kitsu's button would, for the demo studio's first shot task. */
async function sampleCurl(tracker: Tracker, url: string, renders: string): Promise<string> {
  const project = (await tracker.projects.all())[0];
  const shot = project && (await project.shots.all())[0];
  const task: Task | undefined = shot && (await shot.tasks.all())[0];
  const person = project && (await project.team.all()).find((p) => p.email);
  if (!project || !shot || !task || !person) return "";
  const body = new URLSearchParams({
    personid: person.id,
    personemail: person.email ?? "",
    projectid: project.id,
    currentpath: `/productions/${project.id}/shots`,
    currentserver: "localhost",
    selection: task.id,
    entitytype: "shot",
  });
  const folder = join(renders, shot.name);
  return `mkdir -p ${folder} && echo frame > ${join(folder, `${shot.name}_v001.mp4`)}\ncurl -d '${body}' ${url}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8000" },
      host: { type: "string", default: "127.0.0.1" },
      renders: { type: "string", default: process.env.RENDERS_DIR ?? "renders" },
      status: { type: "string", default: "wfa" },
      origin: { type: "string" },
      register: { type: "string" },
    },
  });
  const demo = !process.env.TRACKER_TYPE && !process.env.TRACKER_URL;
  if (demo) {
    process.env.TRACKER_TYPE = "mock";
    process.env.TRACKER_MOCK_SEED ??= "demo";
  }
  const tracker = await Tracker.fromEnv();
  if (values.register) {
    const action = await registerAction(tracker, values.register);
    console.log(`Custom action "${action.name}" (${action.id}) posts to ${action.url}`);
  }
  const served = await serveCustomAction({
    tracker,
    renders: resolve(values.renders),
    status: values.status,
    port: Number(values.port),
    host: values.host,
    ...(values.origin ? { origin: values.origin } : {}),
  });
  console.log(`"${actionName}" listening on ${served.url} (renders: ${resolve(values.renders)})`);
  if (demo) console.log(`On the demo studio, try:\n${await sampleCurl(tracker, served.url, resolve(values.renders))}`);
  process.once("SIGINT", () => {
    void served.close().then(() => tracker.close());
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
