import { Argument, Command } from "commander";
import { jsonValue, type RawMethod, rawMethod, rawMethods } from "../arguments.js";
import { type JsonOption, printJson } from "../output.js";
import { withTracker } from "../session.js";
import { jsonOption } from "./options.js";

interface RawOptions extends JsonOption {
  data?: unknown;
}

export function rawCommand(): Command {
  return new Command("raw")
    .description("send a request through the tracker's own client (Kitsu: API paths), with the session's auth")
    .addArgument(new Argument("<method>", `${rawMethods.join(", ")}`).argParser(rawMethod))
    .argument("<path>", "path under the API, e.g. data/projects or auth/authenticated")
    .option("-d, --data <json>", "request body for POST and PUT", jsonValue)
    .addOption(jsonOption("print the answer on one line instead of indented"))
    .addHelpText("after", "\nPrints the answer as JSON.\nExample:\n  gadget raw GET data/projects/open")
    .action((method: RawMethod, path: string, options: RawOptions) =>
      withTracker(async (tracker) => {
        const raw = tracker.raw;
        const answer =
          method === "GET"
            ? await raw.get(path)
            : method === "DELETE"
              ? await raw.delete(path)
              : await raw[method === "POST" ? "post" : "put"](path, options.data);
        printJson(answer ?? null, options.json === true);
      }),
    );
}
