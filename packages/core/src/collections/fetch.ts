import type { WithTasks } from "../adapter/contract.js";
import type { AnyEntity } from "../model/entity.js";
import type { EntityOf } from "../model/types.js";
import type { Kind, RecordOf, Where } from "../schema/kinds.js";
import type { SessionContext } from "../session/session-context.js";
import { whereKey } from "./query.js";

/**
 * Every page of an adapter query, as entities of the session, page by page. `streamed` pages
 * (iterate()) are held by the session only while current, so that memory follows what the caller
 * keeps.
 */
export async function* fetchPages<K extends Kind>(
  context: SessionContext,
  kind: K,
  where: Record<string, unknown>,
  options: { limit?: number; streamed?: boolean } = {},
): AsyncGenerator<EntityOf<K>[]> {
  const streamed = options.streamed === true;
  for await (const items of pagesOf(context, kind, where, options.limit)) {
    if (streamed) context.identity.nextPage();
    yield items.map((r) => context.materialize(kind, r, streamed));
  }
}

export async function fetchAll<K extends Kind>(
  context: SessionContext,
  kind: K,
  where: Record<string, unknown>,
): Promise<EntityOf<K>[]> {
  const out: EntityOf<K>[] = [];
  for await (const page of fetchPages(context, kind, where)) out.push(...page);
  return out;
}

/**
 * The records matching `where`, which names one record by `name` within a scope: a name found once
 * is remembered by the identity map, so asking again costs no request.
 */
export async function fetchByName<K extends Kind>(
  context: SessionContext,
  kind: K,
  where: Record<string, unknown>,
): Promise<EntityOf<K>[]> {
  const { name, ...scope } = where;
  if (typeof name !== "string") return fetchAll(context, kind, where);
  const scopeKey = whereKey(scope);
  const known: AnyEntity | undefined = context.identity.getByName(kind, scopeKey, name);
  if (known) return [known as EntityOf<K>];
  const found = await fetchAll(context, kind, where);
  const [only] = found;
  if (found.length === 1 && only) context.identity.setName(kind, scopeKey, name, only.id);
  return found;
}

/** Records, then the tasks of all of them in one IN query: for adapters without `queryWithTasks`. */
export async function queryThenTasks<K extends "shot" | "asset">(
  context: SessionContext,
  kind: K,
  where: Record<string, unknown>,
): Promise<WithTasks<RecordOf<K>>> {
  const records: RecordOf<K>[] = [];
  for await (const page of pagesOf(context, kind, where)) records.push(...page);
  const tasks: RecordOf<"task">[] = [];
  if (records.length > 0) {
    for await (const page of pagesOf(context, "task", { entityId: records.map((r) => r.id) })) tasks.push(...page);
  }
  return { records, tasks };
}

/** The adapter's pages of records, followed to the last. */
async function* pagesOf<K extends Kind>(
  context: SessionContext,
  kind: K,
  where: Record<string, unknown>,
  limit?: number,
): AsyncGenerator<RecordOf<K>[]> {
  let cursor: string | undefined;
  do {
    const page = await context.adapter.query(kind, where as Where<K>, {
      ...(limit === undefined ? {} : { limit }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield page.items;
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
}
