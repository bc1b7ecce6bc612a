import type { AnyEntity, EventName, Project, TrackerEvent } from "@gadget/core";
import { Command } from "commander";
import { positiveInteger } from "../arguments.js";
import { printJson } from "../output.js";
import { type ProjectOption, withProject } from "../session.js";
import { jsonOption, projectOption } from "./options.js";

interface WatchOptions extends ProjectOption {
  since?: string;
  follow: boolean;
  count?: number;
  json?: boolean;
}

/** An event as one JSON line: what it is about, when, its resume cursor and its payload. */
function eventJson(event: TrackerEvent<EventName, AnyEntity>): Record<string, unknown> {
  const { name, kind, action, id, projectId, at, cursor, data } = event;
  return { name, kind, action, id, projectId, at: at.toISOString(), cursor, data };
}

/** The project's events, live or from `since` on, of the names asked (all when none). */
function eventsOf(project: Project, names: readonly string[], options: WatchOptions, signal: AbortSignal) {
  const wanted = names.length === 0 ? undefined : (names as EventName[]);
  if (options.since === undefined) return project.events({ signal, ...(wanted ? { names: wanted } : {}) });
  const replay = project.events.since(options.since, { follow: options.follow, signal });
  if (!wanted) return replay;
  return (async function* () {
    for await (const event of replay) if (wanted.includes(event.name)) yield event;
  })();
}

export function watchCommand(): Command {
  return new Command("watch")
    .description("print the project's events as they happen, one JSON object per line (Ctrl-C stops)")
    .argument("[event...]", "event names to print (task:status-changed, comment:new, ...); all when none")
    .addOption(projectOption())
    .option("--since <cursor|time>", "first replay the events after this cursor or ISO time, then go on live")
    .option("--no-follow", "with --since: stop after the replayed events instead of going on live")
    .option("-n, --count <n>", "stop after this many events", positiveInteger)
    .addOption(jsonOption("one JSON object per line (what watch always prints)"))
    .addHelpText(
      "after",
      "\nEach line: {name, kind, action, id, projectId, at, cursor, data}. To resume, pass the last cursor to --since\n(or its `at` when cursor is null: live Kitsu events carry none).",
    )
    .action((names: string[], options: WatchOptions, command: Command) => {
      if (!options.follow && options.since === undefined) {
        command.error("error: --no-follow needs --since: without a history to replay there is nothing to stop after");
      }
      return withProject(options, async (project) => {
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        // The in-memory tracker has no socket that keeps the process alive while it waits for events.
        const alive = setInterval(() => {}, 2 ** 30);
        let printed = 0;
        try {
          for await (const event of eventsOf(project, names, options, stop.signal)) {
            printJson(eventJson(event));
            if (options.count !== undefined && ++printed >= options.count) break;
          }
        } finally {
          clearInterval(alive);
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        }
      });
    });
}
