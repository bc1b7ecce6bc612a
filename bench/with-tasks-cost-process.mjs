/**
 * One with-tasks client-cost measure in a fresh node process (on the packages' dist, --expose-gc):
 * argv: the API URL, the project name, the mode. `fetch`: plain fetch + JSON.parse of
 * `data/shots/with-tasks?project_id=`; `gadget`: `project.shots.withTasks()`. Both log in and find
 * the project first (not measured), then do the read 3 times; the report gives each run's client
 * CPU (user + system) and the heap the result holds (after a full GC, with the result less without it).
 */
import { openProject } from "./open-session.mjs";

const runs = 3;

async function plain(url, projectName) {
  const login = await fetch(`${url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "mysecretpassword" }),
  });
  const { access_token: token } = await login.json();
  const headers = { authorization: `Bearer ${token}` };
  const projects = await (
    await fetch(`${url}/data/projects/open?name=${encodeURIComponent(projectName)}`, { headers })
  ).json();
  const read = async () => {
    const answer = await fetch(`${url}/data/shots/with-tasks?project_id=${projects[0].id}`, { headers });
    return JSON.parse(await answer.text());
  };
  return { read, count: (shots) => shots.length, close: async () => {} };
}

async function gadget(url, projectName) {
  const project = await openProject(url, projectName);
  return {
    read: () => project.shots.withTasks(),
    count: (shots) => shots.length,
    close: () => project.tracker.close(),
  };
}

/** The result of the current read: held here only, so that letting it go frees it. */
let kept;

/** Settles pending jobs: an async frame may still reference the last awaited value until then. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function read(client) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  kept = await client.read();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, ms, shots: client.count(kept) };
}

/** One read: client CPU and time, and what the result holds (the heap with it, less without it). */
async function measured(client) {
  globalThis.gc();
  const run = await read(client);
  await settle();
  globalThis.gc();
  const withResult = process.memoryUsage().heapUsed;
  kept = undefined;
  await settle();
  globalThis.gc();
  return { ...run, heap: withResult - process.memoryUsage().heapUsed };
}

async function main() {
  const [url, projectName, mode] = process.argv.slice(2);
  const client = mode === "fetch" ? await plain(url, projectName) : await gadget(url, projectName);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measured(client));
  await client.close();
  process.send?.({ results }, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
