import type { Id } from "@gadget/core/adapter";
import { all } from "./routes/helpers.js";
import { ok, type ServerContext, type ZouReply } from "./server-context.js";
import { ZouFailure } from "./zou-errors.js";

/*
 * Zou memoizes the full read of a shot (`GET /data/shots/<id>`, shots_service.get_full_shot) and
 * of a sequence (`GET /data/sequences/<id>`, get_full_sequence) for 120 s. Writes through the
 * record's own routes clear that memo, but a forced DELETE of its sequence (or episode) deletes it
 * with the id as a UUID where the memo is keyed by the id string
 * (shots_service.remove_sequence → remove_shot(shot.id) → clear_shot_cache), so the deleted record
 * keeps being answered by that route until the 120 s are up; `/data/entities/<id>` answers 404.
 * Verified on Zou 1.0.67. Only that staleness is imitated: a live record is always read afresh.
 */

const ttlMs = 120_000;

interface Memo {
  body: unknown;
  at: number;
  /** The record as read: a write since then cleared the memo on Zou. */
  version: string;
}

export class ZouReadCache {
  private readonly reads = new Map<string, Memo>();
  /** Deleted by their parent's forced removal, with the memo Zou failed to clear. */
  private readonly orphans = new Map<string, Memo>();
  private sweepAt = 1_024;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Answers a memoized route: the record read afresh (and memoized), or, for a record its parent's
   * forced removal took within the last 120 s, the answer Zou memoized before.
   */
  async read(id: string, load: () => Promise<{ body: unknown; record: object }>): Promise<ZouReply> {
    try {
      const { body, record } = await load();
      this.remember(id, { body, at: this.now(), version: JSON.stringify(record) });
      return ok(body);
    } catch (error) {
      const stale = this.orphans.get(id);
      if (error instanceof ZouFailure && error.status === 404 && stale && this.fresh(stale)) return ok(stale.body);
      throw error;
    }
  }

  /**
   * Records deleted by the forced removal of the record holding them, as they were just before: a
   * memo of that same record keeps answering.
   */
  orphan(records: readonly { id: string }[]): void {
    for (const record of records) {
      const memo = this.reads.get(record.id);
      this.reads.delete(record.id);
      if (memo && this.fresh(memo) && memo.version === JSON.stringify(record)) this.orphans.set(record.id, memo);
    }
  }

  /** The record was deleted through its own route, which clears the memo as Zou keys it. */
  forget(id: string): void {
    this.reads.delete(id);
    this.orphans.delete(id);
  }

  private fresh(memo: Memo): boolean {
    return this.now() - memo.at < ttlMs;
  }

  /** Keeps the maps to what the last 120 s read: expired memos go once the map has doubled. */
  private remember(id: string, memo: Memo): void {
    this.reads.set(id, memo);
    if (this.reads.size + this.orphans.size < this.sweepAt) return;
    for (const map of [this.reads, this.orphans]) {
      for (const [key, value] of map) if (!this.fresh(value)) map.delete(key);
    }
    this.sweepAt = Math.max(1_024, 2 * (this.reads.size + this.orphans.size));
  }
}

/** What a forced removal of `kind` takes with it that Zou leaves readable: a sequence's shots, an episode's sequences and their shots. */
export async function cachedChildren(ctx: ServerContext, kind: string, id: Id): Promise<{ id: string }[]> {
  if (kind === "sequence") return all(ctx.tracker, "shot", { sequenceId: id });
  if (kind !== "episode") return [];
  const sequences = await all(ctx.tracker, "sequence", { episodeId: id });
  const shots = await Promise.all(sequences.map((s) => cachedChildren(ctx, "sequence", s.id)));
  return [...sequences, ...shots.flat()];
}
