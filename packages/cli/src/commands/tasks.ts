import { Command } from "commander";
import { findShotOrAsset } from "../names.js";
import { type JsonOption, printResult } from "../output.js";
import { type ProjectOption, withProject } from "../session.js";
import { taskLabels } from "../task-labels.js";
import { jsonOption, projectOption } from "./options.js";

interface TasksOptions extends JsonOption, ProjectOption {
  status?: string;
}

export function tasksCommand(): Command {
  return new Command("tasks")
    .description("list the tasks of a shot (sq010/sh020) or an asset (Hero)")
    .argument("<shot|asset>", "sequence/shot, or an asset name (or a shot name unique in the project)")
    .addOption(projectOption())
    .option("--status <status>", "only tasks in this status (short name or name: wfa, Waiting For Approval)")
    .addOption(jsonOption())
    .action((name: string, options: TasksOptions) =>
      withProject(options, async (project) => {
        const entity = await findShotOrAsset(project, name);
        const tasks =
          options.status === undefined
            ? await entity.tasks.all()
            : await entity.tasks.filter({ status: options.status });
        const labels = await taskLabels(project.tracker);
        const assigneeIds = [...new Set(tasks.flatMap((t) => t.assigneeIds))];
        const persons = assigneeIds.length === 0 ? [] : await project.tracker.persons.filter({ id: assigneeIds });
        const personNames = new Map(persons.map((p) => [p.id as string, p.name]));
        const rows = tasks
          .map((task) => ({
            task,
            taskType: labels.type(task),
            status: labels.status(task),
            assignees: task.assigneeIds.map((id) => personNames.get(id) ?? id),
          }))
          .sort((a, b) => a.taskType.localeCompare(b.taskType));
        printResult(
          {
            headers: ["task type", "status", "assignees", "due", "last comment", "id"],
            rows: rows.map((r) => [
              r.taskType,
              r.status,
              r.assignees.join(", ") || null,
              r.task.dueDate,
              r.task.lastCommentAt,
              r.task.id,
            ]),
            json: rows.map((r) => ({
              id: r.task.id,
              taskType: r.taskType,
              status: r.status,
              assignees: r.assignees,
              dueDate: r.task.dueDate,
              lastCommentAt: r.task.lastCommentAt,
            })),
          },
          options,
        );
      }),
    );
}
