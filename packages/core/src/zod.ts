/**
 * The zod runtime Gadget's built packages share (`@gadget/core/zod`), an internal entry point.
 *
 * zod ships as about a hundred small modules, and loading them cost a script a third of the time it
 * took to import the Kitsu adapter. The build bundles zod into this one entry, and the other packages'
 * bundles import zod from here (scripts/bundle-dist.mjs), so a process loads one zod, from one file.
 * An adapter of a studio's own may import its zod from here too, to share that one copy.
 *
 * @internal
 * @module
 */
export * from "zod";
export { default, z } from "zod";
