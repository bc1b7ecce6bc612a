import { createInterface } from "node:readline";
import { inspect } from "node:util";
import { Project, Tracker } from "@gadget/core";
import * as kitsu from "@gadget/kitsu-adapter";

/*
 * Run in a child process by secrets.test.ts, on the TRACKER_* variables it is given: opens a
 * session, listens to events, waits for a line on stdin (the parent expires the tokens meanwhile)
 * so that the next request refreshes the access token, then prints every public object of the
 * session the ways a TD would: console.log, util.inspect at any depth (hidden fields too) and
 * JSON.stringify.
 */

const env = process.env;
const project = await Project.fromEnv({ env, envFile: false, modules: { kitsu } });
const tracker = project.tracker;
const stop = project.on("shot:new", () => undefined);
const shot = (await project.shots.all())[0];
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();
tracker.clearCache();
await project.sequences.all();

const notFound = await project.shots.get({ name: "no such shot" }).catch((error: unknown) => error);
const refused = await Tracker.fromEnv({
  env: { ...env, TRACKER_PASSWORD: "wrong password", TRACKER_TOKEN: undefined, TRACKER_LOGIN: "admin@example.com" },
  envFile: false,
  modules: { kitsu },
}).catch((error: unknown) => error);

const adapter = tracker.adapter as kitsu.KitsuAdapter;
const internals = (object: unknown, key: string): unknown => (object as Record<string, unknown>)[key];
const session = internals(tracker, "context");
const objects: Record<string, unknown> = {
  config: tracker.config,
  tracker,
  project,
  shot,
  shots: project.shots,
  adapter,
  session,
  hub: internals(session, "hub"),
  client: adapter.client,
  auth: adapter.client.auth,
  raw: tracker.raw,
  events: project.events,
  stream: internals(internals(adapter, "subscribers"), "stream"),
  notFound,
  refused,
};

for (const [name, value] of Object.entries(objects)) {
  console.log(`--- ${name}`);
  console.log(value);
  console.log(inspect(value, { depth: Number.POSITIVE_INFINITY }));
  console.log(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: false }));
  try {
    console.log(JSON.stringify(value));
  } catch (error) {
    console.log(`JSON.stringify threw: ${(error as Error).message}`);
  }
}
stop();
await tracker.close();
