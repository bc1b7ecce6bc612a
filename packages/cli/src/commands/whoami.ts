import { Command } from "commander";
import { type JsonOption, printFields } from "../output.js";
import { withTracker } from "../session.js";
import { sessionInfo } from "../whoami.js";
import { jsonOption } from "./options.js";

export function whoamiCommand(): Command {
  return new Command("whoami")
    .description("show the tracker this environment connects to and who is logged in")
    .addOption(jsonOption())
    .action((options: JsonOption) =>
      withTracker(async (tracker) => {
        const info = await sessionInfo(tracker);
        const { person } = info;
        const fields = [
          ["tracker", info.type],
          ["url", info.url],
          ["auth", info.auth],
          ["login", info.login],
          ["person", person ? `${person.name}${person.email ? ` <${person.email}>` : ""}` : null],
          ["role", person?.role ?? null],
          ["project", info.project],
        ] as const;
        printFields(fields, info, options);
      }),
    );
}
