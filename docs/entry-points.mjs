import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The public entry points, as tools import them. The API reference documents exactly these and the
 * snippet check imports from them: adding an entry point (say `@gadget/core/adapter`) is one line here.
 */
export const entryPoints = [
  "@gadget/core",
  "@gadget/core/adapter",
  "@gadget/core/testing",
  "@gadget/kitsu-adapter",
  "@gadget/mock-tracker",
  "@gadget/mock-tracker/kitsu-server",
  "@gadget/mock-tracker/fault-proxy",
  "@gadget/cli",
  "@gadget/core/custom-actions",
];

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The source file of an entry point: its package's `exports[subpath]["@gadget/source"]`, absolute. */
export function sourceOf(specifier) {
  const packagesDir = join(repoRoot, "packages");
  for (const folder of readdirSync(packagesDir)) {
    const manifest = JSON.parse(readFileSync(join(packagesDir, folder, "package.json"), "utf8"));
    if (specifier !== manifest.name && !specifier.startsWith(`${manifest.name}/`)) continue;
    const subpath = `.${specifier.slice(manifest.name.length)}`;
    const source = manifest.exports?.[subpath]?.["@gadget/source"];
    if (typeof source !== "string")
      throw new Error(`${manifest.name} exports no "${subpath}" with a @gadget/source file`);
    return join(packagesDir, folder, source);
  }
  throw new Error(`No workspace package provides ${specifier}`);
}
