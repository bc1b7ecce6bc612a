/**
 * `@gadget/cli`: the `gadget` command, and the pieces of it scripts reuse: its tables and its
 * progress bars.
 *
 * @module
 */
export { createProgram, exitCodes, run } from "./program.js";
export { createProgress, formatBytes, type ProgressOptions, type ProgressReporter } from "./progress.js";
export { table } from "./table.js";
