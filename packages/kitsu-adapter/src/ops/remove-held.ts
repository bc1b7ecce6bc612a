import { type Id, NotFoundError } from "@gadget/core/adapter";
import { path, type Route, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";
import { queryAll } from "./query.js";

/*
 * Zou's forced DELETE of a sequence deletes its shots itself (an episode: its sequences), but
 * clears their memoized reads under the wrong key (shots_service.remove_sequence calls
 * remove_shot(shot.id) with a UUID, the reads were memoized under the id string), so
 * `GET /data/shots/<id>` keeps answering the deleted shot for up to 120 s (`/data/entities/<id>`
 * already answers 404). Deleting each child through its own route first, as Zou's own route does
 * with the id string, clears those reads for every client, not just this session.
 */

/** What each holder's forced removal takes with it, and the field that points the children at it. */
const held = {
  sequence: { child: "shot", by: "sequenceId" },
  episode: { child: "sequence", by: "episodeId" },
} as const;

type HolderKind = keyof typeof held;

/** A record removed on the way, for the PartialWriteError of a removal that stops half-way. */
export interface RemovedChild {
  kind: (typeof held)[HolderKind]["child"];
  id: Id;
  name: string;
}

const childRoutes: Record<RemovedChild["kind"], Route> = {
  shot: routes.deleteShot,
  sequence: routes.deleteSequence,
};

async function childrenOf(ctx: OpsContext, kind: HolderKind, id: Id): Promise<RemovedChild[]> {
  const { child, by } = held[kind];
  const rows = await queryAll(ctx, child, { [by]: id });
  return rows.map((r) => ({ kind: child, id: r.id, name: r.name }));
}

/** True for the kinds whose forced removal takes children Zou leaves readable (see above). */
export const holdsCachedChildren = (kind: string): kind is HolderKind => Object.hasOwn(held, kind);

/**
 * Deletes, with force and through their own routes, the shots of a sequence, or the sequences of an
 * episode and their shots, deepest first. Each one removed is pushed onto `removed` as it goes, so
 * that the caller can say what is gone when a later step fails. A child already gone is skipped.
 */
export async function removeHeld(ctx: OpsContext, kind: HolderKind, id: Id, removed: RemovedChild[]): Promise<void> {
  for (const child of await childrenOf(ctx, kind, id)) {
    if (child.kind === "sequence") await removeHeld(ctx, "sequence", child.id, removed);
    try {
      await ctx.client.request({
        method: "DELETE",
        path: path(childRoutes[child.kind], { id: child.id }),
        searchParams: { force: true },
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    removed.push(child);
  }
}
