import { z } from "zod";
import { ServerError, ValidationError } from "../errors.js";
import type { RawClient, RawTransport } from "./contract.js";
import type { TransferOptions } from "./files.js";

/*
 * gazu's `client.fetch_all / fetch_one / fetch_first`, over any raw transport that speaks Kitsu's
 * API (the Kitsu adapter, and the mock's in-process routes). Zou pages a `data/` list only when
 * `page` is given, in the envelope `{ data, total, nb_pages, limit, offset, page }` (zou
 * `blueprints/crud/base.py`), sorted by `updated_at` desc; routes that do not page ignore it and
 * answer the whole list.
 */

/** Query parameters of a raw request. */
export type RawParams = Record<string, string | number | boolean>;

/** Options of `raw.stream()`. */
export interface RawStreamOptions extends TransferOptions {
  /**
   * Query parameters.
   *
   * @default undefined (none)
   * @example
   * searchParams: { frame: 12 }
   */
  searchParams?: RawParams;
}

/** Options of `raw.fetchAll()`. */
export interface FetchAllOptions {
  /**
   * Records per page (Zou's `limit`). Bigger pages mean fewer requests and bigger answers.
   *
   * @default undefined (the tracker's page size: 100 on Zou, `NB_RECORDS_PER_PAGE`)
   * @example
   * limit: 500
   */
  limit?: number;
}

/**
 * The name of a file `raw.stream()` receives: the `Content-Disposition` filename when the answer
 * gives one, else the last segment of the path.
 */
export function streamFileName(disposition: string | null | undefined, path: string): string {
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition ?? "")?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? "")?.[1];
  const given = star ? decodeURIComponent(star.trim()) : plain?.trim();
  const last = path.split(/[?#]/)[0]?.split("/").filter(Boolean).at(-1);
  return given || (last ? decodeURIComponent(last) : "download");
}

/** Zou's answer to a paged list request. */
export const zouPageSchema = z.object({
  data: z.array(z.unknown()),
  nb_pages: z.number().int().nonnegative(),
  page: z.number().int(),
});

/** `tasks` and `data/tasks` both name `data/tasks`, as gazu's path and as `raw.get()`'s. */
function dataPath(path: unknown, method: string): string {
  if (typeof path !== "string" || path.trim() === "") {
    throw ValidationError.wrongType(
      `raw.${method}() path`,
      path,
      'a list route under data/, e.g. "tasks"',
      `Pass the route as gazu does, e.g. raw.${method}("tasks", { project_id })`,
    );
  }
  const trimmed = path.replace(/^\/+/, "");
  return trimmed.startsWith("data/") ? trimmed : `data/${trimmed}`;
}

function checkLimit(limit: unknown): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
    throw ValidationError.invalidOption("limit", limit, "a positive integer");
  }
  return limit;
}

function notAList(path: string, detail: string): ServerError {
  return ServerError.unexpectedResponse("list", detail, { method: "GET", path: `/${path}` });
}

/** Records of several pages, once each: a record updated during the walk moves to page 1 and pushes another one page on. */
function uniqueById(records: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return records.filter((record) => {
    const id = (record as { id?: unknown } | null)?.id;
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A raw client: the adapter's transport plus the fetch helpers gazu users know. */
export function rawClient(transport: RawTransport): RawClient {
  const fetchAll = async <T>(path: string, params?: RawParams, options: { limit?: number } = {}): Promise<T[]> => {
    const url = dataPath(path, "fetchAll");
    const limit = checkLimit(options?.limit);
    const base: RawParams = { ...params, ...(limit === undefined ? {} : { limit }) };
    const first = await transport.get<unknown>(url, { searchParams: { ...base, page: 1 } });
    if (Array.isArray(first)) return first as T[];
    const parsed = zouPageSchema.safeParse(first);
    if (!parsed.success) throw notAList(url, "the answer is neither a list nor a page of one");
    const records = [...parsed.data.data];
    for (let page = 2; page <= parsed.data.nb_pages; page++) {
      const next = zouPageSchema.safeParse(await transport.get<unknown>(url, { searchParams: { ...base, page } }));
      if (!next.success) throw notAList(url, `page ${page} is not a page of the list`);
      records.push(...next.data.data);
    }
    return uniqueById(records) as T[];
  };
  const fetchFirst = async <T>(path: string, params?: RawParams): Promise<T | null> => {
    const url = dataPath(path, "fetchFirst");
    const answer = await transport.get<unknown>(url, params ? { searchParams: params } : undefined);
    if (Array.isArray(answer)) return (answer[0] as T | undefined) ?? null;
    const parsed = zouPageSchema.safeParse(answer);
    if (!parsed.success) throw notAList(url, "the answer is neither a list nor a page of one");
    return (parsed.data.data[0] as T | undefined) ?? null;
  };
  const fetchOne = async <T>(model: string, id: string, params?: RawParams): Promise<T> => {
    for (const [what, value] of [
      ["model", model],
      ["id", id],
    ] as const) {
      if (typeof value !== "string" || value.trim() === "" || value.includes("/")) {
        throw ValidationError.wrongType(
          `raw.fetchOne() ${what}`,
          value,
          "a non-empty string without /",
          'Pass the model as gazu does and the record\'s id, e.g. raw.fetchOne("preview-files", id)',
        );
      }
    }
    return transport.get<T>(
      `${dataPath(model, "fetchOne")}/${encodeURIComponent(id)}`,
      params ? { searchParams: params } : undefined,
    );
  };
  return {
    get: (path, options) => transport.get(path, options),
    post: (path, body) => transport.post(path, body),
    put: (path, body) => transport.put(path, body),
    delete: (path, body) => transport.delete(path, body),
    stream: (path, options) => transport.stream(path, options),
    fetchAll,
    fetchOne,
    fetchFirst,
  };
}
