import type { EventHub } from "./hub.js";
import { AsyncQueue } from "./queue.js";
import type { TrackerEvent } from "./tracker-event.js";
import type { EventName } from "./vocabulary.js";

type AnyEvent<E> = TrackerEvent<EventName, E>;

/** Subscribes now and queues the accepted events until pulled; ends on abort, return() or the hub's close(). */
export function openLive<E>(
  hub: EventHub<E>,
  accept: (event: AnyEvent<E>) => boolean,
  signal?: AbortSignal,
): AsyncQueue<AnyEvent<E>> {
  const queue = new AsyncQueue<AnyEvent<E>>();
  if (signal?.aborted) {
    queue.end(true);
    return queue;
  }
  const stop = hub.on("*", (event) => {
    if (accept(event)) queue.push(event);
  });
  queue.onEnd(stop);
  queue.onEnd(hub.onClose(() => queue.end()));
  if (signal) {
    const onAbort = () => queue.end(true);
    signal.addEventListener("abort", onAbort, { once: true });
    queue.onEnd(() => signal.removeEventListener("abort", onAbort));
  }
  return queue;
}
