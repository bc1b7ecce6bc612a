import type { KitsuClient } from "../transport/client.js";

/*
 * Zou answers a create whose record exists already in several ways: shots and sequences come back
 * as the existing row with 201 (get-or-create), while episodes, assets and playlists without an
 * episode have no unique key that holds (a NULL parent) and two concurrent POSTs make two records
 * (checked against Zou 1.0.67: four concurrent shot POSTs answer one id, four episode POSTs make
 * two episodes). The adapter checks for the name before it posts; two identical creates in flight
 * at once would both pass that check. Within a session they are queued by the record they would
 * make, so the second sees the first and is a ConflictError, as on the mock tracker. Two sessions
 * (two processes) cannot see each other: there Zou's answer stands.
 */

/** Runs tasks of the same key one after the other, tasks of different keys side by side. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const queues = new WeakMap<KitsuClient, KeyedQueue>();

/** The session's queue of creates (one per client, so per session). */
export function createQueue(client: KitsuClient): KeyedQueue {
  let queue = queues.get(client);
  if (!queue) {
    queue = new KeyedQueue();
    queues.set(client, queue);
  }
  return queue;
}

/** Fields that tell which record a create makes: its name (or email, short name) in its scope. */
const identity = [
  "name",
  "email",
  "shortName",
  "projectId",
  "episodeId",
  "sequenceId",
  "assetTypeId",
  "entityId",
  "taskTypeId",
] as const;

/** The key of the record a create input would make. */
export function recordKey(kind: string, input: Record<string, unknown>): string {
  return JSON.stringify([kind, ...identity.map((key) => input[key] ?? null)]);
}
