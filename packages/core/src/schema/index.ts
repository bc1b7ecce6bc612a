export * from "./casting.js";
export * from "./common.js";
export * from "./inputs.js";
export * from "./kinds.js";
export * from "./people.js";
export * from "./production.js";
export * from "./reviews.js";
export * from "./tasks.js";
