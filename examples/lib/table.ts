/** The examples print tables the way the `gadget` command does. */
export { table } from "@gadget/cli";
