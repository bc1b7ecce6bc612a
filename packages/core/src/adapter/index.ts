export * from "./capabilities.js";
export * from "./contract.js";
export * from "./event-record.js";
export * from "./factory.js";
export * from "./files.js";
export * from "./request-log.js";
