import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import {
  type Download,
  mapHttpError,
  parseErrorBody,
  type RawStreamOptions,
  type RawTransport,
  type RequestInfo,
  ServerError,
  streamFileName,
  type TrackerAdapter,
} from "@gadget/core/adapter";
import { downloadOf } from "../ops/files.js";
import { runRoute } from "./dispatch.js";
import { Router } from "./router.js";
import { allRoutes } from "./routes/index.js";
import type { Actor, ServerContext, ZouReply, ZouRequest } from "./server-context.js";
import { KitsuState } from "./state.js";
import { TokenService } from "./tokens.js";
import { ZouEventTable } from "./zou-events.js";

/*
 * Kitsu's API paths answered in process, over a tracker's store, by the Kitsu-compatible server's
 * routes: what `MockTracker.raw` is, so that a tool using the escape hatch (gazu's `client`) runs
 * in tests without a socket. Requests run as the session's person, with no token; answers come back
 * as the Kitsu adapter's raw client gives them: the JSON body, or the same typed error.
 */

type SearchParams = Record<string, string | number | boolean>;

/** Who the requests run as: the session's person, looked up at each request. */
export type ActorOf = () => Promise<{ personId: string; role: Actor["role"] }>;

const trimPath = (path: string) => path.replace(/^\/+/, "");

/** A request body as the routes read it: a stream with JSON headers (multipart routes see none). */
function jsonMessage(body: unknown): IncomingMessage {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const stream = Readable.from(bytes.length > 0 ? [bytes] : []);
  return Object.assign(stream, {
    headers: { "content-type": "application/json", "content-length": String(bytes.length) },
    complete: true,
  }) as unknown as IncomingMessage;
}

export function inProcessRaw(tracker: TrackerAdapter, actorOf: ActorOf): RawTransport {
  const state = new KitsuState();
  const ctx: ServerContext = {
    tracker,
    state,
    tokens: new TokenService(7 * 24 * 3600),
    events: new ZouEventTable(state),
  };
  // Preview uploads and the event history follow the tracker's events, as on the server.
  tracker.subscribe((event) => ctx.events.fromTracker(event));
  const router = new Router();
  router.add(allRoutes);

  async function run(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    init: { query?: SearchParams; body?: unknown },
  ): Promise<{ reply: ZouReply; status: RequestInfo }> {
    const url = new URL(trimPath(path), "http://in-process/");
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, String(value));
    const routePath = url.pathname.replace(/(.)\/+$/, "$1");
    const info: RequestInfo = { method, path: `/${trimPath(path).split("?")[0]}` };
    const raw = jsonMessage(init.body);
    const who = await actorOf();
    const actor: Actor = {
      personId: who.personId,
      identity: "person",
      role: who.role,
      claims: { sub: who.personId, type: "access", jti: "", identity_type: "person", iat: 0, nbf: 0, fresh: false },
    };
    const reply: ZouReply = await runRoute(ctx, router.resolve(method, routePath), async (_route, params) => {
      const zreq: ZouRequest = {
        method,
        path: routePath,
        params,
        query: url.searchParams,
        headers: raw.headers,
        raw,
        actor,
        json: async () => init.body ?? null,
      };
      return zreq;
    });
    const status = { ...info, status: reply.status };
    if (reply.status >= 400) {
      throw mapHttpError(status, parseErrorBody(JSON.stringify(reply.json ?? "")), { bot: false });
    }
    return { reply, status };
  }

  async function request<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    init: { query?: SearchParams; body?: unknown },
  ) {
    const { reply, status } = await run(method, path, init);
    if (reply.body) throw ServerError.fileAnswer(reply.contentType ?? "application/octet-stream", status);
    if (reply.ndjson) throw ServerError.unexpectedResponse("answer", "the body is a stream of JSON lines", status);
    return reply.json as T;
  }

  /** A file answer, read whole (the mock holds its files in memory anyway) and handed out in chunks. */
  async function stream(path: string, options: RawStreamOptions = {}): Promise<Download> {
    options.signal?.throwIfAborted();
    const { reply, status } = await run("GET", path, { query: options.searchParams });
    if (!reply.body) throw ServerError.unexpectedResponse("download", "the answer is not a file", status);
    const bytes = Buffer.isBuffer(reply.body) ? reply.body : Buffer.concat(await reply.body.toArray());
    const fileName = streamFileName(reply.headers?.["content-disposition"], path);
    return downloadOf({ fileName, contentType: reply.contentType, bytes }, options);
  }

  return {
    get: <T>(path: string, options?: { searchParams?: SearchParams }) =>
      request<T>("GET", path, { query: options?.searchParams }),
    post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
    put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body: body ?? {} }),
    delete: <T>(path: string, body?: unknown) => request<T>("DELETE", path, body === undefined ? {} : { body }),
    stream,
  };
}
