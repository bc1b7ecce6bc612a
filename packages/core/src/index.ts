export * from "./adapter/index.js";
export * from "./errors.js";
export * from "./events/vocabulary.js";
export * from "./schema/index.js";
