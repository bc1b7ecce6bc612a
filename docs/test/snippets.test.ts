import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { entryPoints, repoRoot } from "../entry-points.mjs";
import { checkSnippets } from "../snippets/check.js";
import { exampleSnippets, markdownSnippets, type Snippet } from "../snippets/extract.js";

/*
 * Every ```ts block of README.md and of the guides (docs/guides), and every `@example` of the packages'
 * sources, type-checks against the
 * packages (one run of the repository's tsc). How fragments are checked: docs/snippets/check.ts.
 */

const docsDir = join(repoRoot, "docs");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.test(-d)?\.ts$|\.d\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

async function allSnippets(): Promise<Snippet[]> {
  const snippets = markdownSnippets("README.md", await readFile(join(repoRoot, "README.md"), "utf8"));
  for (const guide of (await readdir(join(docsDir, "guides"))).filter((f) => f.endsWith(".md")).sort()) {
    const file = join("docs", "guides", guide);
    snippets.push(...markdownSnippets(file, await readFile(join(repoRoot, file), "utf8")));
  }
  const packages = await readdir(join(repoRoot, "packages"));
  for (const name of packages.sort()) {
    for (const file of (await sourceFiles(join(repoRoot, "packages", name, "src"))).sort()) {
      snippets.push(...exampleSnippets(relative(repoRoot, file), await readFile(file, "utf8")));
    }
  }
  return snippets;
}

/** Public value exports by name; the first entry point that exports a name is where it is imported from. */
async function publicExports(): Promise<Map<string, string>> {
  const exports = new Map<string, string>();
  for (const specifier of entryPoints) {
    for (const name of Object.keys(await import(specifier))) if (!exports.has(name)) exports.set(name, specifier);
  }
  return exports;
}

/** Snippets that must fail, so that a check reporting nothing is known to be looking: a statement and an option. */
const canaries: Snippet[] = [
  { origin: { file: "canary.md", line: 10 }, code: 'const frames: number = "48";' },
  {
    origin: { file: "packages/core/src/adapter/contract.ts", line: 9999 },
    code: 'limit: "all of them"',
    option: { container: "PageRequest", typeParameters: 0, property: "limit" },
  },
];

test("README blocks and @example snippets type-check against the packages", { timeout: 120_000 }, async () => {
  const snippets = await allSnippets();
  expect(snippets.filter((s) => s.origin.file === "README.md").length).toBeGreaterThan(3);
  expect(snippets.length).toBeGreaterThan(80);
  const result = await checkSnippets([...snippets, ...canaries], {
    repoRoot,
    workParent: docsDir,
    globals: join(docsDir, "snippet-globals.d.ts"),
    exports: await publicExports(),
  });
  const report = (p: (typeof result.problems)[number]) => `${p.origin.file}:${p.origin.line}: ${p.message}`;
  const problems = result.problems.map(report);
  const isCanary = (p: string) => p.startsWith("canary.md:") || p.includes(":9999:");
  expect(problems.filter(isCanary)).toEqual([
    expect.stringMatching(/^canary\.md:10: TS2322: Type 'string' is not assignable to type 'number'/),
    expect.stringMatching(/^packages\/core\/src\/adapter\/contract\.ts:9999: TS2322: Type 'string' is not assignable/),
  ]);
  expect(problems.filter((p) => !isCanary(p))).toEqual([]);
  expect(result.checked).toBe(snippets.length + canaries.length - result.skipped.length);
});
