import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { promisify } from "node:util";
import { NO_CHECK, type Origin, type Snippet } from "./extract.js";

/*
 * Type-checks snippets against the workspace packages in one run of the repository's tsc. Each
 * snippet becomes a file in a temporary folder inside docs/ (so that `@gadget/*` resolves to the
 * workspace, through the source condition), with:
 * - the names of docs/snippet-globals.d.ts in scope (`tracker`, `project`, `shot`, `movie`, ...);
 * - an import of each public export it names without importing it (`Project`, `PartialWriteError`);
 * - option examples (`limit: 500`, `{ limit: 500 }`, `500` on an option) checked as a value of the
 *   option's interface;
 * - everything else as an ES module of its own (top-level `await` works; its names shadow the globals).
 * A snippet whose first line is `// @noCheck: <why>` is skipped and listed with its reason.
 */

export interface SnippetProblem {
  origin: Origin;
  /** `TS2345: Argument of type ...`. */
  message: string;
}

export interface CheckResult {
  /** Snippets type-checked. */
  checked: number;
  skipped: { origin: Origin; reason: string }[];
  problems: SnippetProblem[];
}

export interface CheckOptions {
  /** The repository's root: its tsconfig.base.json and node_modules/.bin/tsc are used. */
  repoRoot: string;
  /** Folder the temporary folder is made in; `@gadget/*` must resolve from there. */
  workParent: string;
  /** File declaring the names snippets use without declaring them. */
  globals: string;
  /** Public value exports by name, with the specifier to import each from. */
  exports: ReadonlyMap<string, string>;
}

interface Generated {
  file: string;
  snippet: Snippet;
  /** Line (1-based) of the generated file holding the snippet's first line. */
  codeLine: number;
  codeLines: number;
}

/** A literal, an array or an arrow function: the value of an option as an example shows it. */
const BARE_VALUE = /^(?:\d|-\d|["'`[(]|true\b|false\b|null\b)/;
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** The code without strings and comments, so that words in them are not taken for names. */
function codeOnly(code: string): string {
  return code
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/`(?:[^`\\]|\\.)*`/g, '""');
}

/** Import statements of the snippet (kept at the top), and the code with those lines blanked. */
function splitImports(code: string): { imports: string[]; body: string[] } {
  const lines = code.split("\n");
  const imports: string[] = [];
  let inImport = false;
  const body = lines.map((line) => {
    if (!inImport && !/^import\b/.test(line)) return line;
    inImport = !/(from\s+["'][^"']+["']|^import\s+["'][^"']+["']);?\s*$/.test(line);
    imports.push(line);
    return "";
  });
  return { imports, body };
}

/** Import lines for the public exports a snippet names but neither imports nor declares. */
function autoImports(code: string, imports: readonly string[], exports: ReadonlyMap<string, string>): string[] {
  const text = codeOnly(code);
  const imported = new Set(imports.join(" ").match(IDENTIFIER) ?? []);
  const declared = new Set(
    [...text.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1] ?? ""),
  );
  const bySpecifier = new Map<string, Set<string>>();
  for (const [index, name] of [...text.matchAll(IDENTIFIER)].map((m) => [m.index, m[0]] as const)) {
    // A property access (`tracker.load`) or a key (`{ load: ... }`) is not the export of that name.
    if (text[index - 1] === "." || /^\s*:/.test(text.slice(index + name.length))) continue;
    const specifier = exports.get(name);
    if (specifier === undefined || imported.has(name) || declared.has(name)) continue;
    bySpecifier.set(specifier, (bySpecifier.get(specifier) ?? new Set()).add(name));
  }
  return [...bySpecifier].map(([specifier, names]) => `import { ${[...names].join(", ")} } from "${specifier}";`);
}

/**
 * How an option example becomes a value of its interface: `limit: 500`, `{ limit: 500 }`, or a bare
 * value (`500`, `"https://..."`, `(e) => ...`); undefined for a usage example (`await shot.delete(...)`).
 */
function optionValue(code: string, property: string): string[] | undefined {
  const lines = code.split("\n");
  if (/^[A-Za-z_$][\w$]*\s*:/.test(code)) return ["{", ...lines, "}"];
  if (code.startsWith("{")) return ["(", ...lines, ")"];
  if (BARE_VALUE.test(code)) return [`{ ${property}:`, ...lines, "}"];
  return undefined;
}

function generate(snippet: Snippet, workDir: string, options: CheckOptions): { text: string; codeLine: number } {
  const { imports, body } = splitImports(snippet.code);
  const head = [`// ${snippet.origin.file}:${snippet.origin.line}`, ...imports];
  const option = snippet.option;
  const value = option && optionValue(snippet.code, option.property);
  if (option && value) {
    const source = relative(workDir, join(options.repoRoot, snippet.origin.file)).replace(/\.ts$/, ".js");
    const args = option.typeParameters === 0 ? "" : `<${Array(option.typeParameters).fill("any").join(", ")}>`;
    head.push(...autoImports(snippet.code, imports, options.exports));
    head.push(`import type { ${option.container} } from "${source}";`, "export {};");
    head.push(`export const example: Partial<${option.container}${args}> = ${value[0]}`);
    return { text: [...head, ...value.slice(1, -1), `${value.at(-1)};`].join("\n"), codeLine: head.length + 1 };
  }
  head.push(...autoImports(snippet.code, imports, options.exports), "export {};");
  return { text: [...head, ...body].join("\n"), codeLine: head.length + 1 };
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** Type-checks the snippets; resolves to what is wrong, mapped back to where each snippet was written. */
export async function checkSnippets(snippets: readonly Snippet[], options: CheckOptions): Promise<CheckResult> {
  const skipped: CheckResult["skipped"] = [];
  const problems: SnippetProblem[] = [];
  const workDir = await mkdtemp(join(options.workParent, ".snippets-"));
  try {
    const generated: Generated[] = [];
    for (const snippet of snippets) {
      const marker = NO_CHECK.exec(snippet.code.split("\n")[0] ?? "");
      if (marker) {
        const reason = (marker[1] ?? "").trim();
        if (reason === "") problems.push({ origin: snippet.origin, message: "// @noCheck needs a reason after it" });
        else skipped.push({ origin: snippet.origin, reason });
        continue;
      }
      const file = join(workDir, `snippet-${generated.length}.ts`);
      const { text, codeLine } = generate(snippet, workDir, options);
      await writeFile(file, `${text}\n`);
      generated.push({ file, snippet, codeLine, codeLines: snippet.code.split("\n").length });
    }
    const tsconfig = {
      extends: join(options.repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false, sourceMap: false },
      files: [options.globals, ...generated.map((g) => g.file)],
    };
    await writeFile(join(workDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    const output = await runTsc(options.repoRoot, join(workDir, "tsconfig.json"));
    const byFile = new Map(generated.map((g) => [g.file, g]));
    for (const line of output.split("\n")) {
      const match = DIAGNOSTIC.exec(line);
      if (!match) {
        const last = problems.at(-1);
        if (last && /^\s+\S/.test(line)) last.message += `\n${line.trim()}`;
        continue;
      }
      const [, path = "", row = "0", , code, message] = match;
      const g = byFile.get(isAbsolute(path) ? path : join(options.repoRoot, path));
      const offset = g ? Number(row) - g.codeLine : 0;
      const origin = g
        ? { file: g.snippet.origin.file, line: g.snippet.origin.line + Math.max(0, Math.min(offset, g.codeLines - 1)) }
        : { file: path, line: Number(row) };
      problems.push({ origin, message: `${code}: ${message}` });
    }
    return { checked: generated.length, skipped, problems };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Runs tsc on a project and resolves to its diagnostics (tsc exits non-zero when there are some). */
async function runTsc(repoRoot: string, project: string): Promise<string> {
  const tsc = join(repoRoot, "node_modules", ".bin", "tsc");
  try {
    const { stdout } = await promisify(execFile)(tsc, ["-p", project, "--pretty", "false"], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (!stdout) throw new Error(`tsc failed without diagnostics: ${stderr ?? String(error)}`);
    return stdout;
  }
}
