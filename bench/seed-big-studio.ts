/**
 * Fills a real Kitsu (TRACKER_URL + admin credentials) with a big studio, so that the bench's real
 * mode measures session start where it costs: 200 open projects (custom data, 2 metadata columns,
 * 10 enabled task types, 8 enabled statuses and a team of 10 each), 1,000 persons (inactive: Zou
 * counts only active persons against its user limit; they are listed all the same), 60 task types
 * and 40 task statuses. Everything is named `BigStudio …`; running it again creates only what is
 * missing. It deletes nothing.
 *
 *   TRACKER_URL=… TRACKER_LOGIN=… TRACKER_PASSWORD=… pnpm tsx --conditions=@gadget/source bench/seed-big-studio.ts
 */
import { type Id, type RawClient, Tracker } from "./deps.js";
import { ms, timed } from "./measure.js";
import { fromEnvOptions } from "./target.js";

const prefix = "BigStudio";
const counts = { projects: 200, persons: 1000, taskTypes: 60, statuses: 40 };
const perProject = { taskTypes: 10, statuses: 8, team: 10 };
const concurrency = 6;
const pad = (n: number, width = 3) => String(n).padStart(width, "0");

/** Runs `work` on every item, `concurrency` at a time. */
async function pool<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return out;
}

/** Creates the named items that are not there yet; returns every id, in the order of `names`. */
async function ensure(
  existing: ReadonlyMap<string, Id>,
  names: readonly string[],
  create: (name: string, index: number) => Promise<{ id: string }>,
): Promise<Id[]> {
  return pool(names, async (name, i) => existing.get(name) ?? ((await create(name, i)).id as Id));
}

const byName = (rows: readonly { id: string; name: string }[]) => new Map(rows.map((r) => [r.name, r.id as Id]));

async function seed(tracker: Tracker, raw: RawClient): Promise<void> {
  const taskTypeNames = Array.from({ length: counts.taskTypes }, (_, i) => `${prefix} Type ${pad(i + 1)}`);
  const taskTypes = await ensure(byName(await tracker.taskTypes.all()), taskTypeNames, (name, i) =>
    tracker.taskTypes.new({ name, forShots: i % 2 === 0, color: "#3273dc" }),
  );
  console.log(`${taskTypes.length} task types`);

  const statusNames = Array.from({ length: counts.statuses }, (_, i) => `${prefix} Status ${pad(i + 1)}`);
  const statuses = await ensure(byName(await tracker.taskStatuses.all()), statusNames, (name, i) =>
    tracker.taskStatuses.new({ name, shortName: `bs${pad(i + 1)}`, color: "#ff3860" }),
  );
  console.log(`${statuses.length} task statuses`);

  const persons = await raw.get<{ id: string; email: string | null }[]>("data/persons");
  const emails = new Map(persons.flatMap((p) => (p.email ? [[p.email, p.id as Id] as const] : [])));
  const personEmails = Array.from({ length: counts.persons }, (_, i) => `bigstudio.${pad(i + 1, 4)}@example.com`);
  const personIds = await ensure(emails, personEmails, (email, i) =>
    tracker.persons.new({
      firstName: "Artist",
      lastName: `${prefix} ${pad(i + 1, 4)}`,
      email,
      active: false,
      customData: { seat: `S${pad(i % 120)}`, contract: i % 3 === 0 ? "staff" : "freelance" },
    }),
  );
  console.log(`${personIds.length} persons`);

  const projectNames = Array.from({ length: counts.projects }, (_, i) => `${prefix} ${pad(i + 1)}`);
  const existing = byName(await raw.get<{ id: string; name: string }[]>("data/projects"));
  const fresh = projectNames.filter((name) => !existing.has(name));
  const projectIds = await ensure(existing, projectNames, (name, i) =>
    tracker.projects.new({
      name,
      productionType: i % 4 === 0 ? "tvshow" : "featurefilm",
      customData: { client: `Client ${i % 17}`, budgetDays: 300 + i, delivery: "2027-06-30" },
    }),
  );
  // Settings, columns and team only for the projects made now: a rerun does not double them.
  await pool(
    projectIds.filter((_, i) => fresh.includes(projectNames[i] as string)),
    async (projectId, i) => {
      await raw.post(`data/projects/${projectId}/settings/batch`, {
        task_types: Array.from({ length: perProject.taskTypes }, (_, k) => ({
          task_type_id: taskTypes[(i + k) % taskTypes.length],
          priority: k + 1,
        })),
        task_status_ids: Array.from({ length: perProject.statuses }, (_, k) => statuses[(i + k) % statuses.length]),
        asset_type_ids: [],
      });
      for (const [name, entity] of [
        ["Camera", "Shot"],
        ["Complexity", "Asset"],
      ] as const) {
        await raw.post(`data/projects/${projectId}/metadata-descriptors`, {
          name,
          entity_type: entity,
          data_type: "string",
          choices: [],
          for_client: false,
          departments: [],
        });
      }
      for (let k = 0; k < perProject.team; k++) {
        await raw.post(`data/projects/${projectId}/team`, {
          person_id: personIds[(i * perProject.team + k) % personIds.length],
        });
      }
    },
  );
  console.log(`${projectIds.length} projects (${fresh.length} made now)`);
}

async function main(): Promise<void> {
  const tracker = await Tracker.fromEnv(fromEnvOptions({ ...process.env, TRACKER_PROJECT: undefined }));
  try {
    const run = await timed(() => seed(tracker, tracker.raw));
    console.log(`seeded in ${ms(run.ms)}`);
  } finally {
    await tracker.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
