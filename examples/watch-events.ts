/*
 * watch-events: prints every task status change of a project as it happens, for as long as it runs.
 *
 *   pnpm tsx --conditions=@gadget/source examples/watch-events.ts [--once] [--for <seconds>]
 *                                                                [--since <cursor|ISO time>] [--state <file>]
 *
 * Runs on the in-memory demo studio unless TRACKER_* says otherwise (TRACKER_URL + TRACKER_LOGIN/
 * TRACKER_PASSWORD or TRACKER_TOKEN + TRACKER_PROJECT for Kitsu). On Kitsu it survives token expiry
 * and event-server restarts (the adapter reconnects with a fresh token and replays the gap). With
 * `--state`, it writes where it got to after each event, and a later run picks up from there through
 * `project.events.since()`, so that a status change made while it was stopped is still printed.
 * Ctrl-C closes the session and exits.
 */
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Project, type Task, type TrackerEvent } from "@gadget/core";

type StatusChange = TrackerEvent<"task:status-changed">;

export interface WatchOptions {
  /** Stop after the first status change. @default false */
  once?: boolean;
  /** Replay the changes after this cursor or time before listening. @default undefined (live only) */
  since?: string;
  /** Stops watching (SIGINT, a timer). */
  signal?: AbortSignal;
  /** Where lines go. @default console.log */
  print?: (line: string) => void;
  /** Called after each printed change with the point a later run should resume from. */
  onProgress?: (resumeFrom: string) => void;
}

/** `sh0010 / Animation: Work In Progress → Waiting For Approval (by Alice Doe)`. */
export async function describeChange(project: Project, event: StatusChange): Promise<string> {
  const task = (await event.load()) as Task;
  const statuses = project.tracker.taskStatuses;
  const [entity, taskType, before, after] = await Promise.all([
    task.entity(),
    task.taskType(),
    statuses.find({ id: event.data.previousTaskStatusId }),
    statuses.get({ id: event.data.newTaskStatusId }),
  ]);
  const who = event.data.personId ? await project.tracker.persons.find({ id: event.data.personId }) : undefined;
  const by = who ? ` (by ${who.name})` : "";
  return `${entity.name} / ${taskType.name}: ${before?.name ?? "?"} → ${after.name}${by}`;
}

/** Watches until the signal aborts (or the first change with `once`); returns how many changes it printed. */
export async function watchEvents(project: Project, options: WatchOptions = {}): Promise<number> {
  const print = options.print ?? console.log;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let printed = 0;
  // Changes are described one at a time, so lines come out in the order the tracker sent them.
  let chain = Promise.resolve();
  const show = (event: StatusChange) => {
    chain = chain.then(async () => {
      if (stop.signal.aborted) return;
      const line = await describeChange(project, event).catch((error: unknown) => `${event.id}: ${String(error)}`);
      print(`${event.at.toISOString().slice(0, 19).replace("T", " ")}  ${line}`);
      printed++;
      // Live Kitsu events carry no cursor; their time is the resume point then (its second may repeat once).
      options.onProgress?.(event.cursor ?? event.at.toISOString());
      if (options.once) stop.abort();
    });
  };

  if (options.since !== undefined) {
    // follow: the switch from history to live events neither loses nor repeats one.
    for await (const event of project.events.since(options.since, { follow: true, signal })) {
      if (event.name === "task:status-changed") show(event as StatusChange);
    }
  } else {
    const unsubscribe = project.on("task:status-changed", show);
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
    });
    unsubscribe();
  }
  await chain;
  return printed;
}

async function readState(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    return (JSON.parse(await readFile(file, "utf8")) as { resumeFrom?: string }).resumeFrom;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  // `pnpm watch-events -- --for 60` hands the script the `--` too, which parseArgs reads as the end of options.
  const args = process.argv.slice(2);
  while (args[0] === "--") args.shift();
  const { values } = parseArgs({
    args,
    options: {
      once: { type: "boolean", default: false },
      for: { type: "string" },
      since: { type: "string" },
      state: { type: "string" },
    },
  });
  if (!process.env.TRACKER_TYPE && !process.env.TRACKER_URL) {
    process.env.TRACKER_TYPE = "mock";
    process.env.TRACKER_MOCK_SEED ??= "demo";
    process.env.TRACKER_PROJECT ??= "Bunny Escape";
  }
  const seconds = values.for === undefined ? undefined : Number(values.for);
  if (seconds !== undefined && !(seconds > 0)) {
    throw new Error(`--for takes a number of seconds above 0, got "${values.for}"`);
  }

  const project = await Project.fromEnv();
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.once("SIGINT", onSigint);
  // A listener on the in-memory tracker has no socket to keep the process alive: this timer does,
  // until the run ends (AbortSignal.timeout would not: its timer does not hold the process).
  const alive = seconds ? setTimeout(onSigint, seconds * 1000) : setInterval(() => {}, 2 ** 30);
  const since = values.since ?? (await readState(values.state));
  console.log(`Watching task status changes of ${project.name}${since ? ` since ${since}` : ""} (Ctrl-C to stop)`);
  try {
    const count = await watchEvents(project, {
      once: values.once,
      since,
      signal: stop.signal,
      onProgress: (resumeFrom) => {
        if (values.state) void writeFile(values.state, JSON.stringify({ resumeFrom }));
      },
    });
    console.log(`Stopped after ${count} change${count === 1 ? "" : "s"}.`);
  } finally {
    process.off("SIGINT", onSigint);
    clearTimeout(alive);
    // Closes the event socket and its timers: nothing is left to keep the process alive.
    await project.tracker.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
