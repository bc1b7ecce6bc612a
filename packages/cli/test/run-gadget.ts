import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Runs the real `gadget` bin in a child process: the built dist/bin.js under plain Node (what an
 * installed bin runs; `pnpm test` builds before vitest), or the source through tsx with the source
 * condition (what `pnpm gadget` runs). The child gets only the TRACKER_* variables a test gives it and
 * runs in an empty folder, so that no .env or variable of the developer's shell leaks in.
 */

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
export const builtBin = join(packageRoot, "dist", "bin.js");
const sourceBin = join(packageRoot, "src", "bin.ts");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
/** The workspace's tsconfig (decorators), which tsx would not find from the run's own folder. */
const tsconfig = fileURLToPath(new URL("../../../tsconfig.json", import.meta.url));

export interface GadgetRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** TRACKER_* variables of the run (the others are removed). */
  env?: Record<string, string>;
  /** Working directory. @default a new empty folder */
  cwd?: string;
  /** Run src/bin.ts through tsx instead of the built bin. @default false */
  source?: boolean;
  /** Close the read end of the run's stdout at once, as `gadget … | head` does when head has its lines. @default false */
  closeStdout?: boolean;
}

/** A run still going after this long is killed (a safety net for a hung watch, not an assertion). */
const KILL_AFTER_MS = 60_000;

/** A new empty folder for a run to work in. */
export function emptyFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), "gadget-cli-"));
}

/**
 * Runs `node ...args` in `cwd` with only the TRACKER_* variables of `tracker`, and resolves when it exits
 * (asynchronously: a server in this process keeps serving).
 */
export function runNode(
  args: readonly string[],
  cwd: string,
  tracker: Record<string, string> = {},
  closeStdout = false,
): Promise<GadgetRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...tracker };
  for (const key of Object.keys(env)) if (key.startsWith("TRACKER_") && !(key in tracker)) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd, env, timeout: KILL_AFTER_MS });
    if (closeStdout) child.stdout.destroy();
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `gadget ...args` and resolves when it exits. */
export async function gadget(args: readonly string[], options: RunOptions = {}): Promise<GadgetRun> {
  if (!options.source && !existsSync(builtBin)) {
    throw new Error(`${builtBin} is missing: run "pnpm build" before these tests`);
  }
  const command = options.source ? [tsx, "--tsconfig", tsconfig, "--conditions=@gadget/source", sourceBin] : [builtBin];
  return runNode([...command, ...args], options.cwd ?? (await emptyFolder()), options.env, options.closeStdout);
}

/** The variables of the in-memory demo studio. */
export const mockEnv = { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" };
