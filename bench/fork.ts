import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** What a forked bench helper sends its parent once it listens. */
export interface ChildReady {
  url: string;
}

/**
 * Forks a bench helper (a TypeScript file next to this one, run by tsx with the source conditions)
 * and waits for the URL it sends over IPC. The helper leaves with the bench, whatever way the bench
 * ends.
 */
export async function forkHelper(
  file: string,
  args: readonly string[],
): Promise<{ url: string; stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: ["--import", import.meta.resolve("tsx"), "--conditions=@gadget/source"],
  });
  const killOnExit = () => child.kill();
  process.once("exit", killOnExit);
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (ready: ChildReady) => resolve(ready.url));
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`bench/${file} exited (code ${code}) before sending its URL: see its error above.`)),
    );
  });
  return {
    url,
    async stop() {
      process.off("exit", killOnExit);
      await stop(child);
    },
  };
}

/** Stops a child process and waits until it is gone. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, "exit");
  child.kill();
  await gone;
}
