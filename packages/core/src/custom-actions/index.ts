/*
 * @gadget/core/custom-actions: serving Kitsu's custom actions (the buttons that POST a selection to a
 * studio URL). Its own entry point: a server-side piece most scripts never load.
 */
export { CustomActionRequest } from "./action.js";
export { type CustomActionHandler, createCustomActionHandler } from "./handler.js";
export type { CustomActionHandlerOptions } from "./options.js";
export { type CustomActionPayload, customActionPayloadSchema, maxSelection } from "./payload.js";
