import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Project, type Task } from "@gadget/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchEvents } from "./watch-events.js";

const env = { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" };

let project: Project;
beforeEach(async () => {
  project = await Project.fromEnv({ env, envFile: false });
});
afterEach(() => project.tracker.close());

async function someShotTask(): Promise<{ task: Task; shotName: string; typeName: string }> {
  const [shot] = await project.shots.all();
  if (!shot) throw new Error("the demo studio has no shot");
  const [task] = await shot.tasks.all();
  if (!task) throw new Error(`the demo shot ${shot.name} has no task`);
  return { task, shotName: shot.name, typeName: (await task.taskType()).name };
}

/** Runs the script as a user would, on the demo studio. */
function run(args: string[]) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=@gadget/source",
      fileURLToPath(new URL("./watch-events.ts", import.meta.url)),
      ...args,
    ],
    {
      cwd: fileURLToPath(new URL(".", import.meta.url)),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output = { out: "", err: "" };
  child.stdout.on("data", (d: Buffer) => {
    output.out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output.err += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, output, exit };
}

describe("examples/watch-events", () => {
  it("prints a status change with the entity, task type and status names", async () => {
    const { task, shotName, typeName } = await someShotTask();
    const lines: string[] = [];
    const watching = watchEvents(project, { once: true, print: (line) => lines.push(line) });
    await task.comments.new({ comment: "Blocking pass", status: "wfa" });
    expect(await watching).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${shotName} / ${typeName}: `);
    expect(lines[0]).toMatch(/→ Waiting For Approval/);
  });

  it("resumes from where a previous run stopped, through events.since()", async () => {
    const { task } = await someShotTask();
    let resumeFrom = "";
    const first = watchEvents(project, { once: true, print: () => {}, onProgress: (r) => (resumeFrom = r) });
    await task.comments.new({ comment: "wip", status: "wip" });
    await first;
    // Made while nothing watches: the next run must still print it, and only it.
    await task.comments.new({ comment: "done", status: "done" });
    const lines: string[] = [];
    expect(await watchEvents(project, { once: true, since: resumeFrom, print: (l) => lines.push(l) })).toBe(1);
    expect(lines[0]).toMatch(/Work In Progress → Done/);
  });

  it("stops when its signal aborts, having printed nothing without changes", async () => {
    const controller = new AbortController();
    const watching = watchEvents(project, { signal: controller.signal, print: () => {} });
    controller.abort();
    expect(await watching).toBe(0);
  });

  it("as a script: a finite run ends by itself and the process exits cleanly", async () => {
    const { output, exit } = run(["--for", "0.5"]);
    expect(await exit, output.err).toBe(0);
    expect(output.out).toContain("Watching task status changes of Bunny Escape");
    expect(output.out).toContain("Stopped after 0 changes.");
  });

  it("as a script: the `--` that `pnpm watch-events -- --for 1` passes on is not taken for a positional argument", async () => {
    const { output, exit } = run(["--", "--for", "0.5"]);
    expect(await exit, output.err).toBe(0);
    expect(output.out).toContain("Watching task status changes of Bunny Escape");
  });

  it("as a script: Ctrl-C closes the session and exits with 0", async () => {
    const { child, output, exit } = run([]);
    await vi.waitFor(() => expect(output.out).toContain("Watching"), { timeout: 15_000 });
    child.kill("SIGINT");
    expect(await exit, output.err).toBe(0);
    expect(output.out).toContain("Stopped after 0 changes.");
  });
});
