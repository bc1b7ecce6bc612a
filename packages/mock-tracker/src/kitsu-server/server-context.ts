import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import type { PersonRole, TrackerAdapter } from "@gadget/core/adapter";
import type { KitsuState } from "./state.js";
import type { TokenClaims, TokenService } from "./tokens.js";
import type { ZouEventTable } from "./zou-events.js";

/** Who sent the request, from a verified token. */
export interface Actor {
  personId: string;
  identity: "person" | "bot";
  role: PersonRole;
  claims: TokenClaims;
}

export interface ZouRequest {
  method: string;
  /** Path under `/api`, without the trailing slash. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: IncomingMessage;
  /** Set on every authenticated route. */
  actor: Actor;
  /** The JSON body; 415 when it is not JSON, as Flask answers. */
  json(): Promise<unknown>;
}

export interface ZouReply {
  status: number;
  json?: unknown;
  /** NDJSON lines (`stream=true` routes). */
  ndjson?: unknown[];
  body?: Readable | Buffer;
  contentType?: string;
  /** Bytes of a streamed `body`, sent as Content-Length (Zou's send_file does). */
  contentLength?: number;
  headers?: Record<string, string>;
}

export interface ServerContext {
  tracker: TrackerAdapter;
  state: KitsuState;
  tokens: TokenService;
  events: ZouEventTable;
}

export type Handler = (req: ZouRequest, ctx: ServerContext) => Promise<ZouReply>;

/** `access`: any valid access token; `person`: access token of a person (bots get 403); `refresh`; `none`. */
export type AuthMode = "access" | "person" | "refresh" | "none";

export interface RouteDef {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  auth?: AuthMode;
  handler: Handler;
}

export const ok = (json: unknown, status = 200): ZouReply => ({ status, json });
export const created = (json: unknown): ZouReply => ({ status: 201, json });
export const noContent = (): ZouReply => ({ status: 204 });
