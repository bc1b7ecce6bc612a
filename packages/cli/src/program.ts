import { createRequire } from "node:module";
import { isTrackerError } from "@gadget/core";
import { Command, CommanderError } from "commander";
import { projectsCommand } from "./commands/projects.js";
import { publishCommand } from "./commands/publish.js";
import { rawCommand } from "./commands/raw.js";
import { shotsCommand } from "./commands/shots.js";
import { tasksCommand } from "./commands/tasks.js";
import { watchCommand } from "./commands/watch.js";
import { whoamiCommand } from "./commands/whoami.js";

/** Exit codes: 0 done, 1 the tracker or the work failed (the typed error's message), 2 bad usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

const environment = `
Environment (also read from ./.env, which never overrides what is set):
  TRACKER_URL                         Kitsu API URL (TRACKER_TYPE=kitsu is implied)
  TRACKER_LOGIN, TRACKER_PASSWORD     a user login, or
  TRACKER_TOKEN                       a bot token
  TRACKER_PROJECT                     the project of shots, tasks, publish and watch (or --project)
  TRACKER_TYPE=mock TRACKER_MOCK_SEED=demo   the in-memory demo studio`;

/**
 * The `gadget` command line, every subcommand registered. Errors are left to the caller (see
 * {@link run}): commander's own exits are turned into exceptions.
 *
 * @example
 * await createProgram().parseAsync(["node", "gadget", "shots", "--json"]);
 */
export function createProgram(): Command {
  const program = new Command("gadget")
    .description("Talk to a production tracker (Kitsu, or the mock) from a terminal or a farm job.")
    .version(version, "-V, --version")
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", environment)
    .exitOverride();
  for (const command of [
    whoamiCommand(),
    projectsCommand(),
    shotsCommand(),
    tasksCommand(),
    publishCommand(),
    watchCommand(),
    rawCommand(),
  ]) {
    program.addCommand(command.exitOverride().showHelpAfterError("(add --help for usage)"));
  }
  return program;
}

/** `gadget: message [CODE]` on stderr: a typed error's message, never its stack. */
function reportError(error: unknown): void {
  const message = isTrackerError(error)
    ? `${error.message} [${error.code}]`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);
  process.stderr.write(`gadget: ${message}\n`);
}

/**
 * Runs the command line `argv` (as `process.argv`: node, script, arguments) and resolves to the
 * exit code; what fails is reported on stderr as one line.
 *
 * @example
 * process.exitCode = await run(process.argv);
 */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    reportError(error);
    return exitCodes.failed;
  }
}
