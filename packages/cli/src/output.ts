import { cell, table } from "./table.js";

/*
 * What commands print: a table for people, JSON for scripts (`--json`), always on stdout. Errors and
 * progress lines go to stderr, so that `--json` output can be piped as it is.
 */

/** The `--json` flag every command takes. */
export interface JsonOption {
  /** Print JSON instead of a table. */
  json?: boolean;
}

/** Rows for people and the same data for scripts. */
export interface TableResult {
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  json: unknown;
}

/** One line on stdout. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Prints `value` as JSON: one line for `--json`, indented otherwise. */
export function printJson(value: unknown, compact = true): void {
  printLine(JSON.stringify(value, null, compact ? undefined : 2));
}

/** Prints `label  value` lines (one record, aligned), or `json` with `--json`. */
export function printFields(fields: readonly (readonly [string, unknown])[], json: unknown, options: JsonOption): void {
  if (options.json) {
    printJson(json);
    return;
  }
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) printLine(`${label.padEnd(width)}  ${cell(value)}`);
}

/** Prints a result as a table, or as JSON with `--json`. */
export function printResult(result: TableResult, options: JsonOption): void {
  if (options.json) printJson(result.json);
  else printLine(table(result.headers, result.rows));
}
