import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** What the proxy saw since the last mark. */
export interface ProxyCounts {
  /** Requests forwarded. */
  requests: number;
  /**
   * Sequential round trips: the longest chain of requests each of which arrived after the
   * previous one's answer had gone back. Requests sent together count once.
   */
  roundTrips: number;
}

/** One request the proxy forwarded: when it arrived (ms after the mark) and how long its answer took. */
export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number;
  at: number;
  ms: number;
  /** Bytes of the answer's body. */
  bytes: number;
  depth: number;
}

/**
 * A loopback HTTP proxy in front of a tracker that counts the requests of whatever client goes
 * through it (Gadget or gazu: the same yardstick for both) and can hold each request `latencyMs`
 * before forwarding it, as a distant server would. Control routes, answered by the proxy itself:
 * `POST /__bench/mark` (counts back to zero), `GET /__bench/counts`, `GET /__bench/log` (each request since the mark), `PUT /__bench/latency/<ms>`.
 */
export function startCountingProxy(upstream: string): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let latencyMs = 0;
  let counts: ProxyCounts = { requests: 0, roundTrips: 0 };
  // Depth of the longest chain whose last answer has gone back, since the mark.
  let settled = 0;
  let epoch = 0;
  let marked = performance.now();
  let log: ProxyLogEntry[] = [];

  const control = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "";
    if (!url.startsWith("/__bench/")) return false;
    const latency = /^\/__bench\/latency\/(\d+)$/.exec(url);
    if (req.method === "POST" && url === "/__bench/mark") {
      counts = { requests: 0, roundTrips: 0 };
      settled = 0;
      epoch += 1;
      marked = performance.now();
      log = [];
    } else if (req.method === "GET" && url === "/__bench/log") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(log));
      return true;
    } else if (req.method === "PUT" && latency) {
      latencyMs = Number(latency[1]);
    } else if (req.method !== "GET" || url !== "/__bench/counts") {
      res.writeHead(404).end();
      return true;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...counts, latencyMs }));
    return true;
  };

  const server = createServer((req, res) => {
    if (control(req, res)) return;
    const seen = epoch;
    const depth = settled + 1;
    const arrived = performance.now();
    const answer = { bytes: 0 };
    counts.requests += 1;
    counts.roundTrips = Math.max(counts.roundTrips, depth);
    res.once("finish", () => {
      if (seen !== epoch) return;
      settled = Math.max(settled, depth);
      const path = (req.url ?? "").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id");
      log.push({
        method: req.method ?? "",
        path,
        status: res.statusCode,
        at: arrived - marked,
        ms: performance.now() - arrived,
        bytes: answer.bytes,
        depth,
      });
    });
    void forward(req, res, answer);
  });

  async function forward(req: IncomingMessage, res: ServerResponse, seen: { bytes: number }): Promise<void> {
    if (latencyMs > 0) await sleep(latencyMs);
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => {
          seen.bytes += chunk.length;
        });
        answer.pipe(res);
      },
    );
    out.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`bench proxy: ${error.message}`);
    });
    req.pipe(out);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
