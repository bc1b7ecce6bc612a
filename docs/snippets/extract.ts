/*
 * Finds the code a reader is shown: the ```ts blocks of a Markdown file and the `@example` tags of
 * doc comments, each with where it came from and, for an example on an option (a property of an
 * interface or class), the option it illustrates.
 */

/** Where a snippet was written: file (relative to the repository) and 1-based line of its first line. */
export interface Origin {
  file: string;
  line: number;
}

/** The option an `@example` documents: property `property` of the exported `container`. */
export interface OptionHost {
  container: string;
  /** Type parameters the container declares (each filled with `any` to name the type). */
  typeParameters: number;
  property: string;
}

export interface Snippet {
  origin: Origin;
  code: string;
  /** Set when the snippet illustrates an option: `limit: 500`, `{ limit: 500 }` or `500`. */
  option?: OptionHost;
}

/** First line of a snippet that is left unchecked: `// @noCheck: <why>`. */
export const NO_CHECK = /^\s*\/\/\s*@noCheck\b:?\s*(.*)$/;

/** The ```ts (or ```typescript) blocks of a Markdown text. */
export function markdownSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end++;
    out.push({ origin: { file, line: start + 1 }, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return out;
}

const PROPERTY = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:/;
const CONTAINER = /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(interface|class)\s+([A-Za-z_$][\w$]*)(<[^{]*>)?/;

/** Counts the type parameters of `<A, B extends X<C, D> = Y>`. */
function countTypeParameters(list: string | undefined): number {
  if (!list) return 0;
  let depth = 0;
  let count = 1;
  for (const char of list.slice(1, -1)) {
    if (char === "<" || char === "(" || char === "{" || char === "[") depth++;
    else if (char === ">" || char === ")" || char === "}" || char === "]") depth--;
    else if (char === "," && depth === 0) count++;
  }
  return count;
}

/** The interface or class a line belongs to: the nearest declaration at column 0 above it. */
function containerAbove(lines: readonly string[], index: number): { name: string; typeParameters: number } | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (/^\}/.test(line)) return undefined;
    const match = CONTAINER.exec(line);
    if (match) return { name: match[2] ?? "", typeParameters: countTypeParameters(match[3]) };
  }
  return undefined;
}

/** Removes the common indentation of the lines. */
function dedent(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines
    .map((l) => l.slice(cut))
    .join("\n")
    .trim();
}

/** The `@example` tags of every doc comment of a TypeScript source. */
export function exampleSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const out: Snippet[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const firstLine = text.slice(0, comment.index).split("\n").length - 1;
    const body = (comment[1] ?? "").split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const hostIndex = firstLine + body.length;
    const after = lines.slice(hostIndex).find((l) => l.trim() !== "") ?? "";
    const hostLine = (after.includes("*/") ? after.slice(after.indexOf("*/") + 2) : after).trim();
    const property = PROPERTY.exec(hostLine)?.[1];
    const container = property === undefined ? undefined : containerAbove(lines, firstLine);
    for (let i = 0; i < body.length; i++) {
      const tag = /(?:^|\s)@example\b(.*)$/.exec(body[i] ?? "");
      if (!tag) continue;
      const exampleLines = [(tag[1] ?? "").trim()];
      let j = i + 1;
      while (j < body.length && !/^\s*@\w/.test(body[j] ?? "")) exampleLines.push(body[j++] ?? "");
      // Lines of the example itself: a one-line comment carries it after the tag on the same line.
      const inline = exampleLines[0] !== "";
      const code = dedent(inline ? exampleLines : exampleLines.slice(1))
        .replace(/\*\/?$/, "")
        .trim();
      if (code !== "") {
        const line = firstLine + i + (inline ? 1 : 2);
        const option =
          property !== undefined && container !== undefined
            ? { container: container.name, typeParameters: container.typeParameters, property }
            : undefined;
        out.push({ origin: { file, line }, code, ...(option ? { option } : {}) });
      }
      i = j - 1;
    }
  }
  return out;
}
