import { Command } from "commander";
import { sequencesById, shotPath } from "../names.js";
import { type JsonOption, printResult } from "../output.js";
import { type ProjectOption, withProject } from "../session.js";
import { taskLabels } from "../task-labels.js";
import { jsonOption, projectOption } from "./options.js";

interface ShotsOptions extends JsonOption, ProjectOption {
  sequence?: string;
  withTasks?: boolean;
}

export function shotsCommand(): Command {
  return new Command("shots")
    .description("list the project's shots (sequence/shot), with their tasks on request")
    .addOption(projectOption())
    .option("-s, --sequence <name>", "only the shots of this sequence")
    .option("-t, --with-tasks", "add each shot's tasks (task type: status), read in the same request")
    .addOption(jsonOption())
    .action((options: ShotsOptions) =>
      withProject(options, async (project) => {
        const query = options.sequence === undefined ? {} : { sequence: options.sequence };
        const [shots, sequences, labels] = await Promise.all([
          options.withTasks ? project.shots.withTasks(query) : project.shots.filter(query),
          sequencesById(project),
          options.withTasks ? taskLabels(project.tracker) : undefined,
        ]);
        const rows = await Promise.all(
          shots.map(async (shot) => {
            const tasks = labels
              ? (await shot.tasks.all())
                  .map((t) => ({ id: t.id, taskType: labels.type(t), status: labels.status(t) }))
                  .sort((a, b) => a.taskType.localeCompare(b.taskType))
              : undefined;
            return { shot, path: shotPath(sequences.get(shot.sequenceId), shot), tasks };
          }),
        );
        rows.sort((a, b) => a.path.localeCompare(b.path));
        const headers = ["shot", "frame in", "frame out", "frames", ...(labels ? ["tasks"] : [])];
        printResult(
          {
            headers,
            rows: rows.map(({ shot, path, tasks }) => [
              path,
              shot.frameIn,
              shot.frameOut,
              shot.nbFrames,
              ...(tasks ? [tasks.map((t) => `${t.taskType}: ${t.status}`).join(", ")] : []),
            ]),
            json: rows.map(({ shot, path, tasks }) => ({
              id: shot.id,
              name: path,
              sequence: sequences.get(shot.sequenceId)?.name ?? null,
              shot: shot.name,
              frameIn: shot.frameIn,
              frameOut: shot.frameOut,
              nbFrames: shot.nbFrames,
              ...(tasks ? { tasks } : {}),
            })),
          },
          options,
        );
      }),
    );
}
