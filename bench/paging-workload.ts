/**
 * Listing big projects: `project.tasks.all()` on the pure mock tracker, and the Kitsu-compatible
 * server's pages of `/data/tasks?project_id=…` (what the Kitsu adapter asks for), at growing sizes.
 * Paging must cost O(page): the mock's listing grows as N log N at most, the server's page not at all.
 */
import { type Id, MockTracker, startKitsuServer, Tracker, table } from "./deps.js";
import { ms, timed } from "./measure.js";

const mockSizes = [12_500, 50_000, 100_000];
const serverSizes = [2_000, 20_000, 50_000];
const taskTypes = 5;
const pageLimit = 500;
/** Pages timed per size, spread from the first to the last; the median is reported. */
const sampledPages = 7;

/** A project of `tasks` tasks (5 a shot) seeded through the mock's bulk path; returns its id. */
function seedProject(tracker: MockTracker, tasks: number): Id {
  const [projectId] = tracker.insertMany("project", [{ name: "Paging Bench", productionType: "short" }]);
  const project = projectId as Id;
  const [sequence] = tracker.insertMany("sequence", [{ name: "sq010", projectId: project }]);
  tracker.insertMany("taskStatus", [{ name: "Bench Todo", shortName: "btodo", isDefault: true }]);
  const types = tracker.insertMany(
    "taskType",
    Array.from({ length: taskTypes }, (_, i) => ({ name: `Bench ${i}`, forShots: true })),
  );
  const shots = tracker.insertMany(
    "shot",
    Array.from({ length: Math.ceil(tasks / taskTypes) }, (_, i) => ({
      name: `sh${String(i).padStart(6, "0")}`,
      projectId: project,
      sequenceId: sequence as Id,
    })),
  );
  tracker.insertMany(
    "task",
    shots.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId }))).slice(0, tasks),
  );
  return project;
}

/** `project.tasks.all()` on the pure mock, and the adapter's own pages under it (the mock's share). */
async function mockListing(tasks: number): Promise<{ all: number; pages: number }> {
  const mock = new MockTracker({ seed: 11, bare: true });
  const projectId = seedProject(mock, tasks);
  const pages = await timed(async () => {
    let cursor: string | undefined;
    do {
      const page = await mock.query("task", { projectId }, cursor ? { cursor } : {});
      cursor = page.next ?? undefined;
    } while (cursor);
  });
  const project = await Tracker.connect(mock).projects.get({ name: "Paging Bench" });
  const run = await timed(() => project.tasks.all());
  if (run.value.length !== tasks) throw new Error(`listed ${run.value.length} tasks of ${tasks}`);
  return { all: run.ms, pages: pages.ms };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The first page of a project's tasks on a fresh server (it sorts the project's view once), then the median page. */
async function serverPages(tasks: number): Promise<{ first: number; page: number }> {
  const tracker = new MockTracker({ seed: 12, bare: true });
  const projectId = seedProject(tracker, tasks);
  const server = await startKitsuServer({ tracker });
  try {
    const login = await fetch(`${server.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "mysecretpassword" }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const read = (page: number) =>
      timed(async () => {
        const url = `${server.url}/data/tasks?project_id=${projectId}&relations=true&page=${page}&limit=${pageLimit}`;
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { data: unknown[] };
        if (body.data.length === 0) throw new Error(`page ${page} came back empty`);
      });
    const first = await read(1);
    const pages = Math.ceil(tasks / pageLimit);
    const spread = Array.from(
      { length: sampledPages },
      (_, i) => 1 + Math.round((i * (pages - 1)) / (sampledPages - 1)),
    );
    const times: number[] = [];
    for (const page of spread) times.push((await read(page)).ms);
    return { first: first.ms, page: median(times) };
  } finally {
    await server.close();
  }
}

/** `value (ratio×)` against the first size's value. */
const against = (value: number, base: number): string => `${ms(value)} (${(value / base).toFixed(1)}×)`;

/** Prints the mock's listing times and the server's per-page times beside their targets. */
export async function pagingWorkload(): Promise<void> {
  console.log("\nPaging big projects (mock: project.tasks.all(); server: GET /data/tasks?project_id=…, 500 a page)\n");
  const rows: string[][] = [];
  const smallest = mockSizes[0] as number;
  let base: { all: number; pages: number } | undefined;
  for (const size of mockSizes) {
    const run = await mockListing(size);
    base ??= run;
    // Growth from the smallest size that N log N allows: what O(page) paging stays under.
    const bound =
      size === smallest ? "" : `≤ ${((size * Math.log(size)) / (smallest * Math.log(smallest))).toFixed(1)}×`;
    const target = [size === 100_000 ? "< 2 s" : "", bound].filter(Boolean).join(", ");
    rows.push([`mock project.tasks.all(), ${size} tasks`, against(run.all, base.all), target]);
    rows.push(["  of which the mock's own query() pages", against(run.pages, base.pages), bound]);
  }
  let first: { first: number; page: number } | undefined;
  for (const size of serverSizes) {
    const run = await serverPages(size);
    first ??= run;
    rows.push([`server, ${size}-task project: median page`, against(run.page, first.page), "flat (≤ 2×)"]);
    rows.push(["  first page (sorts the project's view once)", against(run.first, first.first), ""]);
  }
  console.log(table(["measure", "value", "target"], rows));
}
