import { resolve } from "node:path";
import { Command } from "commander";
import { findShotOrAsset } from "../names.js";
import { type JsonOption, printFields } from "../output.js";
import { createProgress } from "../progress.js";
import { type ProjectOption, withProject } from "../session.js";
import { jsonOption, projectOption } from "./options.js";

interface PublishOptions extends JsonOption, ProjectOption {
  status?: string;
  comment?: string;
  main?: boolean;
}

export function publishCommand(): Command {
  return new Command("publish")
    .description("post a comment with preview files on a shot's (or asset's) task, setting its status")
    .argument("<shot>", "sequence/shot (sq010/sh020), or an asset name")
    .argument("<task-type>", "the task's type: name or short name (Animation, anim)")
    .argument("<file...>", "preview files (movies, pictures), each a new revision")
    .addOption(projectOption())
    .option("--status <status>", "the task's new status: short name or name (default: unchanged)")
    .option("-m, --comment <text>", "the comment's text", "")
    .option("--main", "make the first preview the shot's main preview (thumbnail)")
    .addOption(jsonOption())
    .addHelpText(
      "after",
      '\nExample:\n  gadget publish sq010/sh020 Animation renders/sh020_v003.mp4 --status wfa --comment "Blocking pass" --main',
    )
    .action((shotName: string, taskType: string, files: string[], options: PublishOptions) =>
      withProject(options, async (project) => {
        const entity = await findShotOrAsset(project, shotName);
        const task = await entity.tasks.fetch(taskType);
        const progress = createProgress();
        const comment = await task.comments
          .new({
            comment: options.comment ?? "",
            ...(options.status === undefined ? {} : { status: options.status }),
            preview: files.map((file) => resolve(file)),
            setMainPreview: options.main ?? false,
            onProgress: progress.files("upload"),
          })
          .finally(() => progress.stop());
        const [previews, status] = await Promise.all([comment.previews.all(), task.status()]);
        const result = {
          task: task.id,
          comment: comment.id,
          status: status.shortName,
          previews: previews.map((p) => ({ id: p.id, revision: p.revision, name: p.name })),
          mainPreview: options.main === true && previews.length > 0,
        };
        printFields(
          [
            ["task", `${shotName} / ${taskType}`],
            ["status", status.shortName],
            ["comment", comment.id],
            ["previews", previews.map((p) => `${p.id} (${p.name}, revision ${p.revision})`).join(", ")],
            ["main preview", result.mainPreview ? "set" : "unchanged"],
          ],
          result,
          options,
        );
      }),
    );
}
