import { downloadTarget, saveDownload } from "@gadget/core/adapter";
import { Argument, Command } from "commander";
import { jsonValue, type RawMethod, rawMethod, rawMethods } from "../arguments.js";
import { type JsonOption, printJson } from "../output.js";
import { withTracker } from "../session.js";
import { jsonOption } from "./options.js";

interface RawOptions extends JsonOption {
  data?: unknown;
  out?: string;
}

export function rawCommand(): Command {
  return new Command("raw")
    .description("send a request through the tracker's own client (Kitsu: API paths), with the session's auth")
    .addArgument(new Argument("<method>", `${rawMethods.join(", ")}`).argParser(rawMethod))
    .argument("<path>", "path under the API, e.g. data/projects or auth/authenticated")
    .option("-d, --data <json>", "request body for POST and PUT", jsonValue)
    .option(
      "-o, --out <file>",
      "GET a route that answers a file (a picture, a movie) and write it there (or into that folder)",
    )
    .addOption(jsonOption("print the answer on one line instead of indented"))
    .addHelpText(
      "after",
      "\nPrints the answer as JSON; with --out, the file written and its size.\nExamples:\n  gadget raw GET data/projects/open\n  gadget raw GET pictures/thumbnails/preview-files/<id>.png --out thumbs/",
    )
    .action((method: RawMethod, path: string, options: RawOptions, command: Command) => {
      if (options.out !== undefined && method !== "GET")
        command.error("error: --out writes the answer of a GET: use it with GET");
      return withTracker(async (tracker) => {
        const raw = tracker.raw;
        if (options.out !== undefined) {
          const target = await downloadTarget(options.out);
          const saved = await saveDownload(await raw.stream(path), target);
          printJson(
            { path: saved.path, size: saved.size, contentType: saved.contentType ?? null },
            options.json === true,
          );
          return;
        }
        const answer =
          method === "GET"
            ? await raw.get(path)
            : method === "DELETE"
              ? await raw.delete(path)
              : await raw[method === "POST" ? "post" : "put"](path, options.data);
        printJson(answer ?? null, options.json === true);
      });
    });
}
