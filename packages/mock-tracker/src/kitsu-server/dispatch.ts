import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  type PersonRecord,
  TrackerError,
  ValidationError,
} from "@gadget/core/adapter";
import { FaultInjector } from "./faults.js";
import { readJson, send } from "./http-io.js";
import type { Resolution, Router } from "./router.js";
import type { Actor, RouteDef, ServerContext, ZouReply, ZouRequest } from "./server-context.js";
import type { RequestStats } from "./stats.js";
import { ZouFailure, zou } from "./zou-errors.js";

/*
 * One request: count it, apply latency and injected faults, route it (404/405 before auth, as
 * Flask does), check the token, run the handler in the actor's async context, and turn what it
 * throws into Zou's status and body.
 */

export interface Dispatcher {
  router: Router;
  ctx: ServerContext;
  stats: RequestStats;
  faults: FaultInjector;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function dispatch(d: Dispatcher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const path = (url.pathname.replace(/^\/api(?=\/|$)/, "") || "/").replace(/(.)\/+$/, "$1");
  const resolution = d.router.resolve(method, path);
  d.stats.count(resolution.kind === "match" ? `${method} ${resolution.match.route.pattern}` : `${method} (unrouted)`);
  if (d.faults.latencyMs > 0) await sleep(d.faults.latencyMs);
  const fault = d.faults.take(method, path);
  if (fault) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    if (fault.status) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
      req.resume();
      send(res, { status: fault.status, json: fault.body ?? FaultInjector.bodyFor(fault.status), headers });
      return;
    }
  }
  const reply = await runRoute(d.ctx, resolution, async (route, params) => {
    const actor = await authenticate(d.ctx, route, req);
    let jsonBody: Promise<unknown> | undefined;
    return {
      method,
      path,
      params,
      query: url.searchParams,
      headers: req.headers,
      raw: req,
      actor,
      json: () => {
        jsonBody ??= readJson(req);
        return jsonBody;
      },
    };
  });
  if (!req.complete) req.resume();
  send(res, reply);
}

/**
 * Runs a resolved route (404 and 405 before anything else, as Flask does) with the request `build`
 * makes for it, in its actor's async context; what the handler throws becomes Zou's answer. Shared
 * by the HTTP server and the in-process client (`MockTracker.raw`).
 */
export async function runRoute(
  ctx: ServerContext,
  resolution: Resolution,
  build: (route: RouteDef, params: Record<string, string>) => Promise<ZouRequest>,
): Promise<ZouReply> {
  try {
    if (resolution.kind === "not-found") throw zou.notFound();
    if (resolution.kind === "method-not-allowed") throw zou.methodNotAllowed();
    const { route, params } = resolution.match;
    const zreq = await build(route, params);
    return await ctx.events.actor.run(zreq.actor.personId, () => route.handler(zreq, ctx));
  } catch (error) {
    return toReply(error);
  }
}

const anonymous: Actor = {
  personId: "",
  identity: "person",
  role: "user",
  claims: { sub: "", type: "access", jti: "", identity_type: "person", iat: 0, nbf: 0, fresh: false },
};

async function authenticate(ctx: ServerContext, route: RouteDef, req: IncomingMessage): Promise<Actor> {
  const mode = route.auth ?? "access";
  if (mode === "none") return anonymous;
  const claims = ctx.tokens.verify(req.headers.authorization, mode === "refresh" ? "refresh" : "access");
  if (claims.identity_type === "bot" && ctx.state.botTokens.get(claims.sub) !== claims.jti) {
    throw zou.jwt(401, "Token has been revoked");
  }
  let person: PersonRecord;
  try {
    person = await ctx.tracker.get("person", claims.sub as PersonRecord["id"]);
  } catch {
    throw new ZouFailure(401, {
      error: true,
      message:
        "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
    });
  }
  if (mode === "person" && claims.identity_type === "bot") throw zou.forbidden();
  return { personId: person.id, identity: claims.identity_type, role: person.role, claims };
}

/** Tracker rules become Zou answers; anything unexpected is Zou's 500. */
export function toReply(error: unknown): ZouReply {
  if (error instanceof ZouFailure) return { status: error.status, json: error.body, headers: error.headers };
  if (error instanceof NotFoundError) return { status: 404, json: zou.notFound().body };
  if (error instanceof PermissionError) return { status: 403, json: zou.forbidden().body };
  if (error instanceof ConflictError) return { status: 400, json: zou.duplicate().body };
  if (error instanceof ValidationError)
    return { status: 400, json: { error: true, message: error.message, data: null } };
  if (error instanceof TrackerError) return { status: 400, json: { error: true, message: error.message, data: null } };
  return { status: 500, json: zou.internal().body };
}
