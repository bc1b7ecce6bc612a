import { expect, test } from "vitest";
import { exampleSnippets, markdownSnippets } from "../snippets/extract.js";

const source = `/** Options of a thing. */
export interface ThingOptions<T> {
  /**
   * How many.
   *
   * @default 1
   * @example
   * count: 3
   */
  count?: number;
  /** Where it goes. @example "https://studio.example.com" */
  url?: string;
}

/**
 * Makes a thing.
 *
 * @example
 * const thing = makeThing({ count: 2 });
 * @example
 * // @noCheck: pseudo code
 * makeThing(...)
 */
export function makeThing(options: ThingOptions<string>) {}
`;

test("@example tags: option examples name their interface and property; others are usage, with their lines", () => {
  expect(exampleSnippets("thing.ts", source)).toEqual([
    {
      origin: { file: "thing.ts", line: 8 },
      code: "count: 3",
      option: { container: "ThingOptions", typeParameters: 1, property: "count" },
    },
    {
      origin: { file: "thing.ts", line: 11 },
      code: '"https://studio.example.com"',
      option: { container: "ThingOptions", typeParameters: 1, property: "url" },
    },
    { origin: { file: "thing.ts", line: 19 }, code: "const thing = makeThing({ count: 2 });" },
    { origin: { file: "thing.ts", line: 21 }, code: "// @noCheck: pseudo code\nmakeThing(...)" },
  ]);
});

test("Markdown: the ts blocks with the line of their first line, other languages left out", () => {
  const text = "# Title\n\n```sh\nls\n```\n\n```ts\nconst a = 1;\nconst b = 2;\n```\n";
  expect(markdownSnippets("README.md", text)).toEqual([
    { origin: { file: "README.md", line: 8 }, code: "const a = 1;\nconst b = 2;" },
  ]);
});
