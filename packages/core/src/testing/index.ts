export type { Fixtures, StatusSet } from "./fixtures.js";
export { readDownload } from "./helpers/download.js";
export { expectTrackerError } from "./helpers/expect-error.js";
export { makeTempFile, removeTempFiles, tinyPng } from "./helpers/temp-file.js";
export { tinyMp4 } from "./helpers/tiny-movie.js";
export { type WaitForOptions, waitFor } from "./helpers/wait-for.js";
export { type ComplianceOptions, type Section, sections } from "./options.js";
export { runAdapterCompliance } from "./run.js";
