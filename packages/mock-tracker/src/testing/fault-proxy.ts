import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { ValidationError } from "@gadget/core/adapter";
import { seededRandom } from "../faults.js";
import { FaultInjector, toRegex } from "../kitsu-server/faults.js";
import { zou } from "../kitsu-server/zou-errors.js";

/*
 * A reverse proxy on 127.0.0.1 in front of a Kitsu server (the Kitsu-compatible test server or a
 * real Zou) that makes the network fail the way a studio's does: a gateway answering 5xx before the
 * server saw the request, connections reset before or after the server acted, answers lost after
 * the server acted, latency, tokens expiring mid-run, rate limits. Faults come by seeded
 * probability (the same run gives the same faults, request for request, when requests arrive in
 * the same order) or by script (the next matching requests). Bodies, uploads included, are piped
 * both ways, never held whole.
 */

/** What the proxy can do to one request instead of passing it through untouched. */
export type ProxyFault =
  /** Answers 502, 503 or 504 (drawn in turn) without forwarding: the server never sees the request. */
  | "serverError"
  /** Resets the connection (TCP RST) without forwarding. */
  | "resetBefore"
  /** Forwards, lets the server answer, then resets the connection: the write landed, the client saw a reset. */
  | "resetAfter"
  /** Forwards, lets the server answer, then closes the connection without the answer. */
  | "dropAfter"
  /** Answers 429 with `Retry-After` without forwarding. */
  | "rateLimit"
  /**
   * The request's bearer token expires now: it and every later request carrying it are refused as Zou
   * refuses an expired token (401 "Signature has expired"). Applies only to requests with a bearer token,
   * never to `/auth/` routes (a refresh token does not expire here).
   */
  | "expireToken";

export const proxyFaults: readonly ProxyFault[] = [
  "serverError",
  "resetBefore",
  "resetAfter",
  "dropAfter",
  "rateLimit",
  "expireToken",
];

/** A scripted fault: the next `times` requests matching `method` and `path` get `fault`. */
export interface ScriptedFault {
  fault: ProxyFault;
  /** Method to match; any when absent. */
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /**
   * The request path (query string left out), as a string with `*` for one segment and `**` for any
   * rest, or a RegExp; any when absent.
   *
   * @example "/api/actions/tasks/*\/batch-comment"
   */
  path?: string | RegExp;
  /**
   * How many matching requests get the fault.
   *
   * @default 1
   */
  times?: number;
  /** The status a `serverError` answers. @default 503 */
  status?: number;
}

export interface FaultProxyOptions {
  /**
   * The server behind the proxy: its origin or its `/api` URL. The proxy keeps paths as they are, so
   * `proxy.url` is this URL on the proxy's port.
   *
   * @example "http://127.0.0.1:8080/api"
   */
  target: string;
  /**
   * Seed of the draws that pick faults and latencies.
   *
   * @default 1
   */
  seed?: number;
  /**
   * Probability per request of each fault (at most one fault per request; the probabilities add up
   * to at most 1). A request that draws `expireToken` but carries no bearer token passes through.
   *
   * @default {}
   * @example
   * rates: { serverError: 0.05, resetBefore: 0.01, resetAfter: 0.01, dropAfter: 0.03 }
   */
  rates?: Partial<Record<ProxyFault, number>>;
  /**
   * Which requests the `rates` apply to (scripted faults apply to the requests they match).
   *
   * @default every request
   * @example ({ method }) => method !== "GET"
   */
  applies?: (request: { method: string; path: string }) => boolean;
  /**
   * Latency added to each request before it is handled, in milliseconds: a number, or a range drawn
   * uniformly (seeded).
   *
   * @default 0
   * @example
   * latencyMs: { min: 5, max: 40 }
   */
  latencyMs?: number | { min: number; max: number };
  /**
   * The `Retry-After` header of a `rateLimit` answer, in seconds.
   *
   * @default 1
   */
  retryAfterSeconds?: number;
}

/** What the proxy did, per request. */
export interface FaultCounts {
  /** Requests received. */
  requests: number;
  /** Requests passed on to the server (a `resetAfter` or `dropAfter` counts: the server acted). */
  forwarded: number;
  serverError: number;
  resetBefore: number;
  resetAfter: number;
  dropAfter: number;
  rateLimit: number;
  /** Tokens made to expire. */
  expireToken: number;
  /** Requests refused because their token had expired here (the first one included). */
  expiredRefusals: number;
  /** Requests that waited for `latencyMs`. */
  delayed: number;
}

/** One request as the proxy handled it. */
export interface ProxyLogEntry {
  method: string;
  path: string;
  /** The fault applied, or "expired" for a refused expired token; none when passed through. */
  fault?: ProxyFault | "expired";
  /** The status the server answered, when forwarded and answered. */
  status?: number;
}

export interface FaultProxy {
  /** The target URL on the proxy (`http://127.0.0.1:<port>` + the target's path). */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  readonly counts: FaultCounts;
  /** Every request handled, in order. */
  readonly log: readonly ProxyLogEntry[];
  /** Queues a fault for the next matching requests; scripted faults are checked before the rates. */
  script(fault: ScriptedFault): void;
  /** Expires a bearer token now (as `expireToken` does for the next request carrying it). */
  expire(token: string): void;
  /** Stops drawing faults from `rates` (scripted ones still apply); `resume()` starts again. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

interface ActiveScript extends ScriptedFault {
  remaining: number;
  regex?: RegExp;
}

const gatewayStatuses = [502, 503, 504];

/** Headers that describe one hop, not the message: never passed on. */
const hopHeaders = new Set(["connection", "keep-alive", "proxy-connection", "upgrade", "te", "trailer"]);

const passHeaders = (headers: IncomingMessage["headers"]) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !hopHeaders.has(name.toLowerCase())));

function checkOptions(options: FaultProxyOptions): URL {
  let target: URL;
  try {
    target = new URL(options.target);
  } catch {
    throw ValidationError.invalidOption("target", options.target, "an http(s) URL such as http://127.0.0.1:8080/api");
  }
  if (!["http:", "https:"].includes(target.protocol))
    throw ValidationError.invalidOption("target", options.target, "an http(s) URL such as http://127.0.0.1:8080/api");
  const rates = options.rates ?? {};
  let sum = 0;
  for (const [fault, rate] of Object.entries(rates)) {
    if (!proxyFaults.includes(fault as ProxyFault))
      throw ValidationError.invalidOption(`rates.${fault}`, rate, `one of the faults ${proxyFaults.join(", ")}`);
    if (!(typeof rate === "number" && rate >= 0 && rate <= 1))
      throw ValidationError.invalidOption(`rates.${fault}`, rate, "a probability from 0 to 1");
    sum += rate;
  }
  if (sum > 1 + 1e-9) throw ValidationError.invalidOption("rates", sum, "probabilities adding up to at most 1");
  const latency = options.latencyMs ?? 0;
  const okLatency =
    typeof latency === "number"
      ? latency >= 0
      : latency.min >= 0 && latency.max >= latency.min && Number.isFinite(latency.max);
  if (!okLatency)
    throw ValidationError.invalidOption("latencyMs", JSON.stringify(latency), "milliseconds ≥ 0, or { min, max }");
  return target;
}

/**
 * Starts a fault-injecting reverse proxy on 127.0.0.1 (port 0) in front of `options.target`.
 *
 * @example
 * const proxy = await startFaultProxy({ target: "http://127.0.0.1:8080/api", seed: 7, rates: { serverError: 0.05, dropAfter: 0.03 } });
 * const project = await Project.fromEnv({ env: { ...process.env, TRACKER_URL: proxy.url } });
 * // ... run the workload, then look at proxy.counts
 * await proxy.close();
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = checkOptions(options);
  const random = seededRandom(options.seed ?? 1);
  const rates = Object.entries(options.rates ?? {}) as [ProxyFault, number][];
  const latency = options.latencyMs ?? 0;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const secure = target.protocol === "https:";
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const expired = new Set<string>();
  const counts: FaultCounts = {
    requests: 0,
    forwarded: 0,
    serverError: 0,
    resetBefore: 0,
    resetAfter: 0,
    dropAfter: 0,
    rateLimit: 0,
    expireToken: 0,
    expiredRefusals: 0,
    delayed: 0,
  };
  const log: ProxyLogEntry[] = [];
  let scripts: ActiveScript[] = [];
  let paused = false;
  let gatewayTurn = 0;

  const scripted = (method: string, path: string): ActiveScript | undefined => {
    const hit = scripts.find(
      (s) => s.remaining > 0 && (!s.method || s.method === method) && (!s.regex || s.regex.test(path)),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    scripts = scripts.filter((s) => s.remaining > 0);
    return hit;
  };

  const drawn = (method: string, path: string): ProxyFault | undefined => {
    if (paused || rates.length === 0) return undefined;
    // One draw per request whether or not the rates apply, so `applies` does not shift later draws.
    let x = random();
    if (options.applies && !options.applies({ method, path })) return undefined;
    for (const [fault, rate] of rates) {
      if (x < rate) return fault;
      x -= rate;
    }
    return undefined;
  };

  const delay = async () => {
    const ms = typeof latency === "number" ? latency : latency.min + random() * (latency.max - latency.min);
    if (ms <= 0) return;
    counts.delayed++;
    await new Promise((resolve) => setTimeout(resolve, ms));
  };

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers = {}) => {
    // Read the request to its end first, as a gateway does, so the client sees the answer and not a broken pipe.
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    });
  };

  const forward = (req: IncomingMessage, res: ServerResponse, entry: ProxyLogEntry, after?: ProxyFault) => {
    counts.forwarded++;
    const upstream = send({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...passHeaders(req.headers), host: target.host },
      agent,
    });
    upstream.on("response", (answer) => {
      entry.status = answer.statusCode;
      if (after) {
        // The server acted: read its answer to the end, then fail the client's connection.
        answer.resume();
        answer.on("end", () => {
          if (after === "resetAfter") req.socket.resetAndDestroy();
          else req.socket.destroy();
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, passHeaders(answer.headers));
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", () => {
      // The server went away: a gateway answers 502, or drops the client when the answer had begun.
      if (res.headersSent) res.destroy();
      else answer(req, res, 502, FaultInjector.bodyFor(502));
    });
    req.on("error", () => upstream.destroy());
    res.on("close", () => {
      if (!res.writableFinished && !after) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    counts.requests++;
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0] as string;
    const entry: ProxyLogEntry = { method, path };
    log.push(entry);
    await delay();
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const onScript = scripted(method, path);
    let fault: ProxyFault | undefined = onScript?.fault ?? drawn(method, path);
    if (fault === "expireToken") {
      if (token && !path.includes("/auth/")) {
        expired.add(token);
        counts.expireToken++;
      } else fault = undefined;
    }
    if (token && expired.has(token)) {
      counts.expiredRefusals++;
      entry.fault = "expired";
      const refusal = zou.expired();
      return answer(req, res, refusal.status, refusal.body);
    }
    if (fault) entry.fault = fault;
    switch (fault) {
      case "serverError": {
        counts.serverError++;
        const status = onScript?.status ?? (gatewayStatuses[gatewayTurn++ % gatewayStatuses.length] as number);
        return answer(req, res, status, FaultInjector.bodyFor(status));
      }
      case "rateLimit":
        counts.rateLimit++;
        return answer(req, res, 429, FaultInjector.bodyFor(429), { "retry-after": String(retryAfter) });
      case "resetBefore":
        counts.resetBefore++;
        req.socket.resetAndDestroy();
        return;
      case "resetAfter":
      case "dropAfter":
        counts[fault]++;
        return forward(req, res, entry, fault);
      default:
        return forward(req, res, entry);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  // A client that gives up mid-request is not the proxy's failure.
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const base = target.pathname.replace(/\/+$/, "");

  return {
    url: `${origin}${base}`,
    origin,
    port,
    counts,
    log,
    script(fault) {
      if (!proxyFaults.includes(fault.fault))
        throw ValidationError.invalidOption("fault", fault.fault, `one of ${proxyFaults.join(", ")}`);
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw ValidationError.invalidOption("times", times, "a positive integer");
      scripts.push({ ...fault, remaining: times, ...(fault.path ? { regex: toRegex(fault.path) } : {}) });
    },
    expire(token) {
      expired.add(token);
      counts.expireToken++;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
