import { type KitsuServer, startKitsuServer } from "../src/kitsu-server/index.js";

/* Test-side clients of the Kitsu test server: JSON over fetch and a minimal socket.io (engine.io v4 polling) client. */

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class Api {
  token = "";
  constructor(readonly server: KitsuServer) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, token = this.token): Promise<Answer<T>> {
    const headers: Record<string, string> = { "user-agent": "gadget-test/1.0 (node)" };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.server.url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    const json = res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text;
    return { status: res.status, body: json as T, headers: res.headers };
  }

  async login(email = "admin@example.com", password = "mysecretpassword") {
    const answer = await this.call<{ access_token: string; refresh_token: string }>("POST", "/auth/login", {
      email,
      password,
    });
    this.token = answer.body.access_token;
    return answer.body;
  }
}

/** A started server with an admin session. */
export async function adminSession(): Promise<{ server: KitsuServer; api: Api }> {
  const server = await startKitsuServer();
  const api = new Api(server);
  await api.login();
  return { server, api };
}

/** engine.io v4 over long-polling, enough to connect to a namespace and read its packets. */
export class PollingSocket {
  private sid = "";
  private constructor(
    private readonly origin: string,
    private readonly headers: Record<string, string>,
  ) {}

  private url(): string {
    return `${this.origin}/socket.io/?EIO=4&transport=polling${this.sid ? `&sid=${this.sid}` : ""}`;
  }

  /** Opens the engine session and asks to join `/events`; the answer comes with the next `read()`. */
  static async open(origin: string, token?: string): Promise<PollingSocket> {
    const socket = new PollingSocket(origin, token ? { authorization: `Bearer ${token}` } : {});
    const open = await (await fetch(socket.url(), { headers: socket.headers })).text();
    socket.sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
    await fetch(socket.url(), { method: "POST", headers: socket.headers, body: "40/events," });
    return socket;
  }

  /** The next batch of packets (engine.io separates them with 0x1e). */
  async read(): Promise<string[]> {
    const text = await (await fetch(this.url(), { headers: this.headers })).text();
    return text.split("\x1e");
  }

  /** Reads until a socket.io event named `name` arrives on `/events`, and returns its payload. */
  async nextEvent(name: string): Promise<Record<string, unknown>> {
    for (;;) {
      for (const packet of await this.read()) {
        if (!packet.startsWith("42/events,")) continue;
        const [event, data] = JSON.parse(packet.slice("42/events,".length)) as [string, Record<string, unknown>];
        if (event === name) return data;
      }
    }
  }

  async close(): Promise<void> {
    await fetch(this.url(), { method: "POST", headers: this.headers, body: "1" }).catch(() => undefined);
  }
}
