/**
 * The Gadget demo: one studio day on "Bunny Escape", narrated, through the public API only.
 *
 * Runs on the embedded mock tracker with its `demo` seed unless TRACKER_TYPE/TRACKER_URL are set, in
 * which case it runs on that tracker (the project named by TRACKER_PROJECT must exist there).
 *
 *   pnpm demo
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createProgress, table } from "@gadget/cli";
import { isTrackerError, Project, type Task, type TrackerEvent } from "@gadget/core";

const onMock = !process.env.TRACKER_TYPE && !process.env.TRACKER_URL;
// On the mock the tracker variables are fixed; the rest (GADGET_DEBUG, DEBUG) still come from the shell.
const env = onMock
  ? { ...process.env, TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" }
  : process.env;

// Bars when a person watches the terminal; plain lines in a log or a pipe.
const progress = createProgress({ lines: console.log });
const say = (title: string) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 72 - title.length))}\n`);

async function main(): Promise<void> {
  const project = await Project.fromEnv({ env, envFile: !onMock });
  try {
    await tour(project);
  } finally {
    // The events listened to keep a Kitsu socket open: a run that fails part-way must still end.
    await project.tracker.close();
  }
  console.log("\nDone.");
}

/** The studio day, section by section. */
async function tour(project: Project): Promise<void> {
  const tracker = project.tracker;
  console.log(`Gadget demo on ${onMock ? "the embedded mock tracker (demo seed)" : tracker.adapter.name}`);
  console.log(`Project "${project.name}" (${project.productionType}, ${project.fps ?? "?"} fps)`);

  const events: TrackerEvent[] = [];
  const stopListening = project.on("*", (event) => events.push(event));

  say("Sequences and shots");
  const sequences = await project.sequences.all();
  const shotRows: (string | number | null)[][] = [];
  for (const sequence of sequences) {
    for (const shot of await sequence.shots.all()) {
      shotRows.push([sequence.name, shot.name, shot.frameIn, shot.frameOut, shot.nbFrames]);
    }
  }
  console.log(table(["sequence", "shot", "frame in", "frame out", "frames"], shotRows));

  say("Task status per task type");
  const [tasks, taskTypes, studioStatuses] = await Promise.all([
    project.tasks.all(),
    project.taskTypes.all(),
    project.taskStatuses.all(),
  ]);
  // A studio may have dozens of statuses: the columns are those the project's tasks are in.
  const used = studioStatuses.filter((s) => tasks.some((t) => t.statusId === s.id));
  const statuses = used.length > 0 ? used : studioStatuses;
  const statusRows = taskTypes
    .map((type) => {
      const ofType = tasks.filter((t) => t.taskTypeId === type.id);
      return [type.name, ...statuses.map((s) => ofType.filter((t) => t.statusId === s.id).length), ofType.length];
    })
    .filter((row) => row[row.length - 1] !== 0);
  console.log(table(["task type", ...statuses.map((s) => s.shortName), "total"], statusRows));

  say("Publishing an animation preview");
  const sequence = sequences[0];
  if (!sequence) {
    throw new Error(
      `Project "${project.name}" has no sequence: the demo needs one with two shots or more, each with an Animation task.`,
    );
  }
  const [, shot] = await sequence.shots.all();
  if (!shot) throw new Error(`Sequence ${sequence.name} has fewer than two shots.`);
  const task = await shot.tasks.fetch("Animation");
  const before = await task.status();
  const folder = await mkdtemp(join(tmpdir(), "gadget-demo-"));
  const file = join(folder, `${sequence.name}_${shot.name}_anim_v003.png`);
  await writeFile(file, demoPicture());
  const comment = await task.comments.new({
    comment: "Blocking pass, ready for review",
    status: "wfa",
    preview: [file],
    setMainPreview: true,
    onProgress: progress.files("upload"),
  });
  progress.stop();
  await rm(folder, { recursive: true, force: true });
  const previews = await comment.previews.all();
  const after = await task.status();
  console.log(
    table(
      ["shot", "task", "status before", "status after", "revision", "main preview set"],
      [
        [
          `${sequence.name}/${shot.name}`,
          "Animation",
          before.shortName,
          after.shortName,
          previews[0]?.revision ?? null,
          String(shot.previewId !== null && shot.previewId === previews[0]?.id),
        ],
      ],
    ),
  );

  say(`Casting of ${sequence.name}/${shot.name}`);
  const castBefore = await shot.casting.get();
  console.log("before:");
  console.log(
    table(
      ["asset", "occurrences"],
      castBefore.map((c) => [c.asset.name, c.occurrences]),
    ),
  );
  const cast = new Set(castBefore.map((c) => c.asset.id));
  const extra = (await project.assets.all()).find((a) => !cast.has(a.id));
  if (!extra) throw new Error("Every asset is already cast in the shot.");
  await shot.casting.set([
    ...castBefore.map((c) => ({ asset: c.asset, occurrences: c.occurrences, label: c.label })),
    { asset: extra, occurrences: 2 },
  ]);
  console.log(`after adding ${extra.name} twice (replace-all, in one call):`);
  console.log(
    table(
      ["asset", "occurrences"],
      (await shot.casting.get()).map((c) => [c.asset.name, c.occurrences]),
    ),
  );

  say("Laying out a new sequence in one batch");
  const taken = new Set(sequences.map((s) => s.name));
  let number = 900;
  while (taken.has(`sq${number}`)) number += 10;
  const layout = await project.sequences.new({ name: `sq${number}` });
  const newShots = await layout.shots.newMany(
    Array.from({ length: 8 }, (_, i) => ({
      name: `sh${String((i + 1) * 10).padStart(3, "0")}`,
      frameIn: 101,
      frameOut: 148 + i * 12,
    })),
    { onProgress: progress.batch(`create shots in ${layout.name}`) },
  );
  progress.stop();
  console.log(
    table(
      ["shot", "frame in", "frame out", "frames"],
      newShots.map((s) => [`${layout.name}/${s.name}`, s.frameIn, s.frameOut, s.nbFrames]),
    ),
  );

  say("Review playlist from the tasks waiting for approval");
  const wfa = await project.taskStatuses.get({ shortName: "wfa" });
  const waiting = (await project.tasks.filter({ statusId: wfa.id })).filter((t) => t.entityKind === "shot");
  const playlist = await project.playlists.new({ name: `Review ${new Date().toISOString().slice(0, 10)}` });
  await playlist.add(waiting.map((t) => ({ entity: t.entityId, preview: t.lastPreviewId })));
  console.log(table(["shot", "task type", "preview revision"], await playlistRows(waiting)));
  console.log(`Playlist "${playlist.name}" holds ${playlist.entries.length} entries.`);

  await new Promise((resolve) => setTimeout(resolve, 50));
  stopListening();
  say(`Events received along the way (${events.length})`);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  console.log(
    table(
      ["event", "count"],
      [...counts].map(([name, n]) => [name, n]),
    ),
  );
}

async function playlistRows(tasks: readonly Task[]): Promise<(string | number | null)[][]> {
  return Promise.all(
    tasks.map(async (t) => {
      const [entity, type, preview] = await Promise.all([t.entity(), t.taskType(), t.lastPreview()]);
      return [entity.name, type.name, preview?.revision ?? null];
    }),
  );
}

/** A valid 1×1 PNG, so that the preview is a real picture. */
function demoPicture(): Buffer {
  return Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
}

main().catch((error: unknown) => {
  console.error(isTrackerError(error) ? `${error.name} [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
});
