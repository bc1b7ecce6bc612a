import { type Id, MockTracker, Tracker } from "./deps.js";
import { ms, timed } from "./measure.js";

/*
 * save() forgets the cached names of the record it wrote (it may have been renamed). That costs
 * what it forgets, whatever the number of names cached: 1,000 saves with 10,000 names cached take
 * about as long as with none (the names were all scanned at each save before).
 */

export interface SaveNamesRow {
  measure: string;
  value: string;
  target: string;
}

const cachedNames = 10_000;
const saves = 1_000;

export async function saveNamesWorkload(): Promise<SaveNamesRow[]> {
  const mock = new MockTracker({ seed: 4 });
  const made = await mock.create("project", { name: "Names Bench", productionType: "short" });
  const sequenceIds = mock.insertMany(
    "sequence",
    Array.from({ length: cachedNames / 100 }, (_, i) => ({ name: `sq${i}`, projectId: made.id })),
  );
  mock.insertMany(
    "shot",
    Array.from({ length: cachedNames }, (_, i) => ({
      name: `sh${i % 100}`,
      projectId: made.id,
      sequenceId: sequenceIds[Math.floor(i / 100)] as Id,
    })),
  );
  /** The first `saves` shots of a fresh session, with every shot name cached or none. */
  const session = async (namesCached: boolean) => {
    const project = await Tracker.connect(mock).projects.get({ id: made.id });
    const shots = [];
    for (const sequence of await project.sequences.all()) {
      if (namesCached) for (let i = 0; i < 100; i++) shots.push(await sequence.shots.get({ name: `sh${i}` }));
      else shots.push(...(await sequence.shots.all()));
    }
    return shots.slice(0, saves);
  };
  const saveAll = (shots: Awaited<ReturnType<typeof session>>) =>
    timed(async () => {
      for (const shot of shots) {
        shot.description = `save ${Math.random()}`;
        await shot.save();
      }
    });
  const [none, all] = [await session(false), await session(true)];
  // Alternating rounds, the ratio taken within each: the machine's load drifts between rounds.
  const times: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) {
    const without = await saveAll(none);
    const withNames = await saveAll(all);
    times.push(without.ms);
    ratios.push(withNames.ms / without.ms);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[1] as number;
  return [
    { measure: `${saves} save() with no name cached (median of 3)`, value: ms(median(times)), target: "" },
    {
      measure: `  with ${cachedNames} names cached, / with none`,
      value: `${median(ratios).toFixed(1)}×`,
      target: "≈ 1×",
    },
  ];
}
