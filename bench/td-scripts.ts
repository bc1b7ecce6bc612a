import type { Project, Task, TaskStatus } from "./deps.js";

/*
 * The TD scripts the Kitsu workloads time, written the way the README shows them. The local bench
 * and the real mode run these same functions, so both measure one piece of code.
 */

/** A comment with a status, one preview, and that preview as the shot's main preview. */
export async function publish(task: Task, status: string | TaskStatus, preview: string, comment: string) {
  await task.comments.new({ comment, status, preview: [preview], setMainPreview: true });
}

/**
 * W1: from nothing (a new session, login included) to a published preview, by names: the project
 * from TRACKER_PROJECT, the shot by name, its Animation task. Returns the session and the task.
 */
export async function publishByNames(open: () => Promise<Project>, preview: string) {
  const project = await open();
  const shot = await project.shots.get({ name: "sh0010" });
  const task = await shot.tasks.fetch("Animation");
  await publish(task, "wfa", preview, "Blocking pass (bench W1)");
  return { project, task };
}

/** W3: every shot of the project with its tasks, as a report would walk them. */
export async function shotsWithTasks(project: Project) {
  const shots = await project.shots.withTasks();
  let tasks = 0;
  // Answered from what withTasks() loaded: no request.
  for (const shot of shots) tasks += (await shot.tasks.all()).length;
  return { shots: shots.length, tasks };
}

/** W4: a new sequence and `n` shots in it (new0001...: names W1 does not look up), checked before the first write. */
export async function newShots(project: Project, sequenceName: string, n: number) {
  const sequence = await project.sequences.new({ name: sequenceName });
  const names = Array.from({ length: n }, (_, i) => `new${String(i + 1).padStart(4, "0")}`);
  return sequence.shots.newMany(names.map((name) => ({ name })));
}
