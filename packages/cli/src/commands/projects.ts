import { Command } from "commander";
import { type JsonOption, printResult } from "../output.js";
import { withTracker } from "../session.js";
import { jsonOption } from "./options.js";

export function projectsCommand(): Command {
  return new Command("projects")
    .description("list the tracker's projects")
    .addOption(jsonOption())
    .action((options: JsonOption) =>
      withTracker(async (tracker) => {
        const projects = (await tracker.projects.all()).sort((a, b) => a.name.localeCompare(b.name));
        printResult(
          {
            headers: ["project", "status", "type", "fps", "id"],
            rows: projects.map((p) => [p.name, p.status, p.productionType, p.fps, p.id]),
            json: projects.map((p) => ({
              id: p.id,
              name: p.name,
              status: p.status,
              productionType: p.productionType,
              fps: p.fps,
            })),
          },
          options,
        );
      }),
    );
}
