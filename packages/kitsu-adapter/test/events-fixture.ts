import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { RawClient } from "@gadget/core/adapter";
import type { ZouEventRow } from "../src/events/index.js";

/*
 * A stand-in for Zou's event side, for the stream tests: a socket.io server (path /socket.io,
 * namespace /events, JWT-like bearer checked at connect only, broadcast to all) plus the api_event
 * history served through a RawClient-shaped `get("data/events/last")` with Zou's semantics
 * (newest first, `after` strict, `cursor_event_id` pages towards older rows). Like Zou, history keeps
 * recording while the socket server is down: the API and the event stream are separate processes.
 * socket.io is a dependency of the mock tracker, not of this package, hence the require from there.
 */

interface IoSocket {
  handshake: { headers: Record<string, string | string[] | undefined> };
}
interface IoNamespace {
  use(fn: (socket: IoSocket, next: (error?: Error) => void) => void): void;
  emit(name: string, data: unknown): boolean;
  sockets: Map<string, unknown>;
}
interface IoServer {
  of(name: string): IoNamespace;
  disconnectSockets(close: boolean): void;
  close(done: () => void): void;
}
type IoServerClass = new (http: HttpServer, options: { path: string; serveClient: boolean }) => IoServer;

const requireFromMock = createRequire(new URL("../../mock-tracker/package.json", import.meta.url));
const { Server } = requireFromMock("socket.io") as { Server: IoServerClass };

export interface FakeZouEvents {
  origin: string;
  /** Every Authorization header a handshake presented. */
  handshakes: string[];
  /** Sockets connected to /events now. */
  connections(): number;
  issueToken(): string;
  /** Every token issued so far is refused from now on (as after 7 days). */
  expireAll(): void;
  /** Persists the event, and broadcasts it when the socket server is up. */
  emit(name: string, payload: Record<string, unknown>, at?: Date): void;
  /** The socket server goes down (clients see a transport close); history keeps recording. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  restart(): Promise<void>;
  history: Pick<RawClient, "get">;
  /** Requests the history served, as their query strings. */
  historyRequests: Record<string, string | number | boolean>[];
  close(): Promise<void>;
}

const naive = (d: Date) => d.toISOString().slice(0, 19);

export async function startFakeZouEvents(): Promise<FakeZouEvents> {
  const valid = new Set<string>();
  const handshakes: string[] = [];
  const rows: (ZouEventRow & { at: number })[] = [];
  const historyRequests: Record<string, string | number | boolean>[] = [];
  let http: HttpServer | undefined;
  let io: IoServer | undefined;
  let nsp: IoNamespace | undefined;
  let port = 0;

  const listen = async () => {
    http = createServer();
    io = new Server(http, { path: "/socket.io", serveClient: false });
    nsp = io.of("/events");
    nsp.use((socket, next) => {
      const header = String(socket.handshake.headers.authorization ?? "");
      handshakes.push(header);
      const token = header.replace(/^Bearer\s+/i, "");
      next(valid.has(token) ? undefined : new Error("Signature has expired"));
    });
    const server = http;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const [server, sockets] = [http, io];
    http = undefined;
    io = undefined;
    nsp = undefined;
    if (!server || !sockets) return;
    sockets.disconnectSockets(true);
    server.closeAllConnections();
    await new Promise<void>((resolve) => sockets.close(resolve));
  };

  await listen();
  return {
    origin: `http://127.0.0.1:${port}`,
    handshakes,
    connections: () => nsp?.sockets.size ?? 0,
    issueToken: () => {
      const token = `token-${randomUUID()}`;
      valid.add(token);
      return token;
    },
    expireAll: () => valid.clear(),
    emit(name, payload, at = new Date()) {
      const projectId = typeof payload.project_id === "string" ? payload.project_id : null;
      rows.push({
        id: randomUUID(),
        created_at: naive(at),
        name,
        user_id: null,
        project_id: projectId,
        data: payload,
        at: at.getTime(),
      });
      nsp?.emit(name, payload);
    },
    stop,
    resume: listen,
    async restart() {
      await stop();
      await listen();
    },
    historyRequests,
    history: {
      async get<T>(path: string, options?: { searchParams?: Record<string, string | number | boolean> }) {
        if (path !== "data/events/last") throw new Error(`unexpected path ${path}`);
        const q = options?.searchParams ?? {};
        historyRequests.push(q);
        let newest = [...rows].reverse();
        if (q.cursor_event_id !== undefined) {
          const at = newest.findIndex((r) => r.id === q.cursor_event_id);
          if (at >= 0) newest = newest.slice(at + 1);
        }
        const after = q.after === undefined ? undefined : Date.parse(`${q.after}Z`);
        newest = newest.filter(
          (r) => (after === undefined || r.at > after) && (q.project_id === undefined || r.project_id === q.project_id),
        );
        const limit = Math.min(1000, Number(q.limit ?? 100));
        return newest.slice(0, limit).map(({ at: _at, ...row }) => row) as T;
      },
    },
    async close() {
      await stop();
    },
  };
}
