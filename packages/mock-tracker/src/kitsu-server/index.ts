export type { FaultRule } from "./faults.js";
export { FaultInjector } from "./faults.js";
export { type KitsuServer, type KitsuServerOptions, startKitsuServer } from "./server.js";
export type { RequestStats } from "./stats.js";
export type { TokenControls } from "./tokens.js";
export type { TwoFactorControls } from "./two-factor.js";
export type { AddUserInput, BotLogin, UserControls } from "./users.js";
export { zouRules } from "./zou-rules.js";
