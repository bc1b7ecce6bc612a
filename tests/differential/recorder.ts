import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { KitsuConfig } from "@gadget/core";
import { differentialRecordedDir } from "@gadget/test-support/shared-data";
import busboy from "busboy";
import { io, type Socket } from "socket.io-client";

/*
 * Records a real Kitsu's answers during a run, as fixtures in the format of the shared recorded
 * cases (shared/kitsu/recorded/INDEX.md): a proxy on loopback between the adapter and Zou keeps
 * each request and response, and a separate socket.io listener keeps the events, each given to
 * the request it followed. Tokens are replaced by labels; ids and timestamps stay verbatim.
 */

type MultipartPart =
  | { field: string; value: string }
  | { field: string; filename: string; contentType: string; bytes: number };

interface Exchange {
  case: string;
  description: string;
  actor: "admin";
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    json: unknown;
    multipart: MultipartPart[] | null;
  };
  response: { status: number; headers: { "content-type": string }; json?: unknown; text?: string; bytes?: number };
  events: { name: string; data: Record<string, unknown> }[];
  elapsed_ms: number;
  startedAt: number;
}

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Lists longer than this are cut to 3 items, as the shared recorder does. */
const LIST_LIMIT = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `differential-post-data-shots`: the method and the path without its ids. */
function caseName(method: string, path: string): string {
  const words = path.split("/").filter((p) => p && !UUID.test(p));
  return `differential-${method.toLowerCase()}-${words.join("-") || "root"}`.replace(/[^\w-]/g, "_");
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseMultipart(contentType: string, body: Buffer): Promise<MultipartPart[]> {
  return new Promise((resolve, reject) => {
    const parts: MultipartPart[] = [];
    const parser = busboy({ headers: { "content-type": contentType } });
    parser.on("field", (field, value) => parts.push({ field, value }));
    parser.on("file", (field, stream, info) => {
      let bytes = 0;
      stream.on("data", (d: Buffer) => {
        bytes += d.length;
      });
      stream.on("end", () => parts.push({ field, filename: info.filename, contentType: info.mimeType, bytes }));
    });
    parser.on("close", () => resolve(parts));
    parser.on("error", reject);
    parser.end(body);
  });
}

export class Recorder {
  private readonly exchanges: Exchange[] = [];
  private readonly events: { name: string; data: Record<string, unknown>; at: number }[] = [];
  private readonly tokens = new Map<string, string>();
  private server: Server | undefined;
  private socket: Socket | undefined;
  /** What the run is doing, for the cases' descriptions. */
  private current = "setup";

  constructor(readonly dir: string) {}

  /** Where a seed's recording goes by default: `tests/differential/recorded/seed-<seed>`. */
  static defaultDir(seed: number): string {
    return join(differentialRecordedDir, `seed-${seed}`);
  }

  /** Names the step the next requests belong to. */
  step(step: number, opType: string): void {
    this.current = `step ${step} ${opType}`;
  }

  /** Starts the proxy and the event listener; returns the API URL the adapter should use. */
  async start(config: KitsuConfig): Promise<string> {
    const target = config.url.replace(/\/$/, "");
    this.server = createServer((req, res) => {
      this.forward(target, req)
        .then(({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: true, message: `recording proxy: ${String(error)}` }));
        });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    await this.listen(config);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** An admin socket straight to the server (not through the proxy, so its login is not recorded). */
  private async listen(config: KitsuConfig): Promise<void> {
    const login = await fetch(`${config.url.replace(/\/$/, "")}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "gadget-differential/1.0 (node)" },
      body: JSON.stringify({ email: config.login, password: config.password }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const origin = config.eventsUrl ?? new URL(config.url).origin;
    this.socket = io(`${origin}/events`, {
      path: "/socket.io",
      transports: ["polling", "websocket"],
      extraHeaders: { authorization: `Bearer ${token}`, "user-agent": "gadget-differential/1.0 (node)" },
    });
    this.socket.onAny((name: string, data: Record<string, unknown>) =>
      this.events.push({ name, data, at: Date.now() }),
    );
    await new Promise<void>((resolve) => {
      this.socket!.once("connect", () => resolve());
      setTimeout(resolve, 5_000).unref();
    });
  }

  private label(authorization: string | undefined): string | undefined {
    if (!authorization) return undefined;
    const token = authorization.replace(/^Bearer /, "");
    return `Bearer <${this.tokens.get(token) ?? "access"}>`;
  }

  private redact(text: string): string {
    return text.replace(JWT, (jwt) => `<${this.tokens.get(jwt) ?? "access"}-token>`);
  }

  private learnTokens(json: unknown): void {
    const body = json as { access_token?: string; refresh_token?: string } | null;
    if (body?.access_token) this.tokens.set(body.access_token, "access");
    if (body?.refresh_token) this.tokens.set(body.refresh_token, "refresh");
  }

  private async forward(
    target: string,
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const startedAt = Date.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://proxy");
    const path = url.pathname.replace(/^\/api/, "");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string" && !["host", "connection", "content-length", "transfer-encoding"].includes(k))
        headers[k] = v;
    }
    const upstream = await fetch(`${target}${path}${url.search}`, {
      method: req.method ?? "GET",
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    const contentType = upstream.headers.get("content-type") ?? "";
    const requestType = req.headers["content-type"] ?? "";
    let json: unknown;
    if (contentType.includes("json") && answer.length > 0) {
      json = JSON.parse(answer.toString("utf8"));
      this.learnTokens(json);
    }
    const response: Exchange["response"] = { status: upstream.status, headers: { "content-type": contentType } };
    if (json !== undefined) response.json = this.cut(JSON.parse(this.redact(JSON.stringify(json))));
    else if (contentType.startsWith("text/") || answer.length === 0)
      response.text = this.redact(answer.toString("utf8"));
    else response.bytes = answer.length;
    const auth = this.label(req.headers.authorization);
    this.exchanges.push({
      case: caseName(req.method ?? "GET", path),
      description: `${req.method} ${path} (${this.current})`,
      actor: "admin",
      request: {
        method: req.method ?? "GET",
        path,
        query: Object.fromEntries(url.searchParams),
        headers: {
          ...(requestType ? { "content-type": requestType.split(";")[0]! } : {}),
          ...(auth ? { authorization: auth } : {}),
        },
        json: requestType.includes("json") && body.length > 0 ? JSON.parse(body.toString("utf8")) : null,
        multipart: requestType.includes("multipart") ? await parseMultipart(requestType, body) : null,
      },
      response,
      events: [],
      elapsed_ms: Date.now() - startedAt,
      startedAt,
    });
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k)) out[k] = v;
    });
    return { status: upstream.status, headers: out, body: answer };
  }

  private cut(json: unknown): unknown {
    if (!Array.isArray(json) || JSON.stringify(json).length <= LIST_LIMIT) return json;
    return { truncated: true, originalLength: json.length, items: json.slice(0, 3) };
  }

  async stop(): Promise<void> {
    this.socket?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Writes the cases (`NNN-<case>.json`, numbered in request order) and an INDEX.md; events go to
   * the request that last started before they arrived, and only events about records this run
   * touched are kept (the server may be shared). Returns how many cases were written.
   */
  async write(): Promise<number> {
    const touched = new Set<string>();
    for (const e of this.exchanges) {
      for (const id of `${e.request.path} ${e.request.method === "POST" ? JSON.stringify(e.response.json) : ""}`.match(
        UUIDS,
      ) ?? []) {
        touched.add(id);
      }
    }
    // Reference rows (an asset type, a status) are touched by every run on a shared server: an event
    // of a project counts only when the project is one this run made.
    const projects = new Set(
      this.exchanges
        .filter((e) => e.request.method === "POST" && e.request.path.endsWith("/data/projects"))
        .map((e) => String((e.response.json as { id?: unknown } | undefined)?.id)),
    );
    for (const event of this.events) {
      const projectId = event.data.project_id;
      if (typeof projectId === "string" && !projects.has(projectId)) continue;
      const ids = JSON.stringify(event.data).match(UUIDS) ?? [];
      if (!ids.some((id) => touched.has(id))) continue;
      const owner = [...this.exchanges].reverse().find((e) => e.startedAt <= event.at);
      owner?.events.push({ name: event.name, data: event.data });
    }
    // A new recording replaces the cases; ALLOW.json, kept by hand, stays.
    mkdirSync(this.dir, { recursive: true });
    for (const file of readdirSync(this.dir)) {
      if (/^\d{3}-.*\.json$/.test(file) || file === "INDEX.md") rmSync(join(this.dir, file));
    }
    const index = ["| file | method path | status | events |", "|---|---|---|---|"];
    this.exchanges.forEach((e, i) => {
      const { startedAt: _, ...json } = e;
      const file = `${String(i + 1).padStart(3, "0")}-${e.case}.json`;
      writeFileSync(`${this.dir}/${file}`, `${JSON.stringify(json, null, 2)}\n`);
      const names = e.events.map((x) => x.name).join(", ") || "—";
      index.push(
        `| ${file} | ${e.request.method} ${e.request.path.replace(UUIDS, "{id}")} | ${e.response.status} | ${names} |`,
      );
    });
    writeFileSync(
      `${this.dir}/INDEX.md`,
      `# Recorded by the differential run (${this.exchanges.length} cases)\n\n${index.join("\n")}\n`,
    );
    return this.exchanges.length;
  }
}
