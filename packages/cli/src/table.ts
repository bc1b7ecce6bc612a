/**
 * Renders rows as an aligned text table: the CLI's output for people, and what the examples print.
 * Numbers are right-aligned, `null`/`undefined` show as `—`, dates as `YYYY-MM-DD HH:MM:SS` (UTC).
 *
 * @example
 * console.log(table(["shot", "frames"], [["sq010/sh020", 48]]));
 */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers, ...rows.map((r) => r.map(cell))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").toString().length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number"));
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => (numeric[c] ? v.padStart(widths[c] ?? 0) : v.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map((r) => line(r as string[]))].join("\n");
}

/** A value as a table shows it. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace("T", " ");
  return String(value);
}
