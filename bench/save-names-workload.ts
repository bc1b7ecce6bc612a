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
  const run = async (namesCached: boolean) => {
    const project = await Tracker.connect(mock).projects.get({ id: made.id });
    const sequences = await project.sequences.all();
    const shots = [];
    for (const sequence of sequences) {
      if (namesCached) for (let i = 0; i < 100; i++) shots.push(await sequence.shots.get({ name: `sh${i}` }));
      else shots.push(...(await sequence.shots.all()));
    }
    const picked = shots.slice(0, saves);
    return timed(async () => {
      for (const shot of picked) {
        shot.description = `save ${Math.random()}`;
        await shot.save();
      }
    });
  };
  // A first round warms the JIT, so that neither side pays for it.
  await run(false);
  await run(true);
  const without = await run(false);
  const withNames = await run(true);
  return [
    { measure: `${saves} save() with no name cached`, value: ms(without.ms), target: "" },
    {
      measure: `  with ${cachedNames} names cached, / with none`,
      value: `${(withNames.ms / without.ms).toFixed(1)}×`,
      target: "≈ 1×",
    },
  ];
}
