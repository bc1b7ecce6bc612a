/**
 * Reads a response body as text within `ms`, or gives undefined when the time runs out. The
 * per-attempt timeout stops at the headers; without this bound a server that stalls in the middle
 * of a body would hold the caller forever.
 */
export async function readText(response: Response, ms: number): Promise<string | undefined> {
  const body = response.body;
  if (!body) return "";
  const reader = body.getReader();
  let timedOut = false;
  // Cancelling through the reader (which holds the lock) ends the pending read with `done`.
  const timer = setTimeout(
    () => {
      timedOut = true;
      reader.cancel().catch(() => undefined);
    },
    Math.max(0, ms),
  );
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
  return timedOut ? undefined : text + decoder.decode();
}
