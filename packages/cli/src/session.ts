import { Project, Tracker } from "@gadget/core";

/*
 * Sessions for commands: the tracker the TRACKER_* variables (and .env) describe, through core's
 * fromEnv, always closed when the command ends so that the process can exit.
 */

/** Options every command that works in one project takes. */
export interface ProjectOption {
  /** The project's name; overrides TRACKER_PROJECT. */
  project?: string;
}

/** Runs `work` with a session on the configured tracker, and closes it. */
export async function withTracker<T>(work: (tracker: Tracker) => Promise<T>): Promise<T> {
  const tracker = await Tracker.fromEnv();
  try {
    return await work(tracker);
  } finally {
    await tracker.close();
  }
}

/** Runs `work` with the project `--project` (or TRACKER_PROJECT) names, and closes its session. */
export async function withProject<T>(options: ProjectOption, work: (project: Project) => Promise<T>): Promise<T> {
  const env = options.project === undefined ? undefined : { ...process.env, TRACKER_PROJECT: options.project };
  const project = await Project.fromEnv(env === undefined ? {} : { env });
  try {
    return await work(project);
  } finally {
    await project.tracker.close();
  }
}
