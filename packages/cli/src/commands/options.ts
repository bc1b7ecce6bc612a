import { Option } from "commander";

/** `--json`: the same data for scripts, one JSON document on stdout. */
export const jsonOption = (description = "print JSON for scripts instead of a table"): Option =>
  new Option("--json", description);

/** `--project <name>`: the project to work in, instead of TRACKER_PROJECT. */
export const projectOption = (): Option =>
  new Option("-p, --project <name>", "project name (default: $TRACKER_PROJECT)");
