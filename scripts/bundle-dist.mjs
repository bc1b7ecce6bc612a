/*
 * The second half of `pnpm build`: what a studio's script imports from @gadget/core and
 * @gadget/kitsu-adapter is one bundle per package (dist/bundle/), made with esbuild from tsc's output.
 *
 * Why: Node loads an ES module file by file. tsc's output is ~110 files of ours plus ~95 of zod's, and
 * `import("@gadget/kitsu-adapter")` spent most of its ~250 ms resolving, reading and linking them
 * (issue 11 asks for < 250 ms; the bench prints it). Bundled, the same code loads in about half that.
 *
 * How: each package's `exports` map names its bundles (`default: ./dist/bundle/X.js`); each bundle is
 * built from tsc's `./dist/X.js`. Entries of one package share chunks (`splitting`), so a class such as
 * TrackerError exists once however many entry points a script imports. Dependencies stay imports,
 * except two: ky goes into the Kitsu adapter's bundle (its only user), and zod into core's, once (its
 * `./zod` entry); the other packages' bundles import zod from there, so a process holds one zod.
 * Types stay tsc's `.d.ts`, untouched.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The packages bundled, and the dependency each lets esbuild inline (the others stay imports). */
const packages = [
  { dir: "packages/core", inline: ["zod"] },
  { dir: "packages/kitsu-adapter", inline: ["ky"] },
];

const bundlePrefix = "./dist/bundle/";

/** `{ "adapter/index": "<dir>/dist/adapter/index.js", ... }` from the exports map's bundled defaults. */
function entryPoints(dir, manifest) {
  const entries = {};
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const file = typeof target === "string" ? target : target.default;
    if (!file?.startsWith(bundlePrefix)) {
      throw new Error(`${manifest.name}: exports["${subpath}"].default must be under ${bundlePrefix} (got ${file})`);
    }
    const name = file.slice(bundlePrefix.length).replace(/\.js$/, "");
    entries[name] = join(root, dir, "dist", `${name}.js`);
  }
  return entries;
}

for (const { dir, inline } of packages) {
  const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
    (name) => !inline.includes(name),
  );
  const outdir = join(root, dir, "dist/bundle");
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entryPoints(dir, manifest),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    chunkNames: "chunks/[name]-[hash]",
    // A package's own bundle takes zod from core's (see above); core inlines it.
    alias: inline.includes("zod") ? {} : { zod: "@gadget/core/zod" },
    external: [...deps.flatMap((name) => [name, `${name}/*`]), "@gadget/core", "@gadget/core/*"],
    logLevel: "warning",
  });
}
