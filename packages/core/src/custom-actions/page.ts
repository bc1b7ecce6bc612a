/*
 * The small HTML page a form action answers with: Kitsu opens it in a new tab, so it says what
 * happened in words, styled enough to read, with nothing loaded from elsewhere.
 */

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put in HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] as string);

/** A whole page with a title and paragraphs of text (escaped here). */
export function htmlPage(title: string, paragraphs: readonly string[], failed = false): string {
  const color = failed ? "#c0392b" : "#27ae60";
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}h1{color:${color};font-size:1.4em}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

/** What a handler's result says to a person: its `message` when it has one, else how many tasks it ran on. */
export function resultText(result: unknown, selected: number): string {
  if (typeof result === "string") return result;
  if (typeof result === "object" && result !== null && typeof (result as { message?: unknown }).message === "string")
    return (result as { message: string }).message;
  return `The action ran on ${selected} selected item(s).`;
}
