import { entryPoints, sourceOf } from "./entry-points.mjs";

/*
 * `pnpm docs`: the API reference of the public entry points (listed once, in entry-points.mjs), from
 * their doc comments, into docs/api/ (not committed). Every export must be documented: a missing
 * comment fails the run. TypeDoc needs TypeScript's JS compiler API, which TypeScript 7 (the repo's
 * compiler) no longer has, so this package pins its own TypeScript 6 for TypeDoc alone.
 */

/** @type {Partial<import("typedoc").TypeDocOptions>} */
const config = {
  name: "Gadget",
  entryPoints: entryPoints.map(sourceOf),
  tsconfig: "./tsconfig.json",
  out: "./api",
  readme: "../README.md",
  projectDocuments: ["./guides/*.md"],
  plugin: ["./module-names.mjs"],
  // Source links need a hosted git remote; a clone of this repository may have none (CI's has a path).
  disableSources: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeInternal: true,
  excludeExternals: true,
  sort: ["kind", "instance-first", "alphabetical-ignoring-documents"],
  // Every exported declaration and every method is documented; fields of records, routes and event
  // payloads are described by their type's comment (TypeDoc's default list adds Property and EnumMember).
  requiredToBeDocumented: ["Enum", "Variable", "Function", "Class", "Interface", "Method", "Accessor", "TypeAlias"],
  // Every package of the entry points must be documented (by default only the one TypeDoc runs in).
  packagesRequiringDocumentation: [...new Set(entryPoints.map((e) => e.split("/").slice(0, 2).join("/")))],
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: true,
    unusedMergeModuleWith: true,
  },
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
};

export default config;
