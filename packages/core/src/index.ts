export * from "./adapter/index.js";
export * from "./config/tracker-config.js";
export * from "./errors.js";
export * from "./events/vocabulary.js";
export * from "./schema/index.js";
