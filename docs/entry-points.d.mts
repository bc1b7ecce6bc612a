/** The public entry points (`@gadget/core`, `@gadget/core/testing`, ...), listed once. */
export declare const entryPoints: readonly string[];
/** The repository's root folder. */
export declare const repoRoot: string;
/** The source file of an entry point, from its package's `@gadget/source` export condition. */
export declare function sourceOf(specifier: string): string;
