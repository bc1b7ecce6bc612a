import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ValidationError } from "@gadget/core";
import { afterEach, describe, expect, it } from "vitest";
import { type FaultProxy, type FaultProxyOptions, startFaultProxy } from "../src/testing/fault-proxy.js";

/** A server behind the proxy that records what reached it and answers with the body's size. */
let target: { server: Server; url: string; seen: string[] } | undefined;
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  if (target) await new Promise<void>((resolve) => target?.server.close(() => resolve()));
  proxy = undefined;
  target = undefined;
});

async function start(options: Omit<FaultProxyOptions, "target"> = {}): Promise<FaultProxy> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
    });
    req.on("end", () => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(201, { "content-type": "application/json", "x-upstream": "yes" });
      res.end(JSON.stringify({ size, auth: req.headers.authorization ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  target = { server, url, seen };
  proxy = await startFaultProxy({ target: url, ...options });
  return proxy;
}

const post = (url: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("fault proxy", () => {
  it("passes requests through on the target's path, streamed bodies included", async () => {
    const p = await start();
    expect(p.url).toBe(`${p.origin}/api`);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new Uint8Array(16 * 1024));
        controller.close();
      },
    });
    const answer = await post(`${p.url}/pictures/preview-files/x?normalize=false`, chunks, {
      "content-type": "multipart/form-data; boundary=b",
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-upstream")).toBe("yes");
    expect(await answer.json()).toEqual({ size: 64 * 16 * 1024, auth: null });
    expect(target?.seen).toEqual(["POST /api/pictures/preview-files/x?normalize=false"]);
    expect(p.counts).toMatchObject({ requests: 1, forwarded: 1 });
  });

  it("answers a scripted 5xx before forwarding: the server never sees the request", async () => {
    const p = await start();
    p.script({ fault: "serverError", method: "POST", path: "/api/data/*", status: 502 });
    const answer = await post(`${p.url}/data/projects`, "{}");
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({ error: true, message: "Bad Gateway" });
    expect(target?.seen).toEqual([]);
    expect((await post(`${p.url}/data/projects`, "{}")).status).toBe(201);
    expect(p.counts).toMatchObject({ requests: 2, forwarded: 1, serverError: 1 });
  });

  it("drops or resets the answer after the server acted", async () => {
    const p = await start();
    p.script({ fault: "dropAfter" });
    p.script({ fault: "resetAfter" });
    await expect(post(`${p.url}/data/projects`, "{}")).rejects.toThrow();
    await expect(post(`${p.url}/data/projects`, "{}")).rejects.toThrow();
    expect(target?.seen).toHaveLength(2);
    expect(p.counts).toMatchObject({ dropAfter: 1, resetAfter: 1, forwarded: 2 });
    expect(p.log.map((e) => [e.fault, e.status])).toEqual([
      ["dropAfter", 201],
      ["resetAfter", 201],
    ]);
  });

  it("resets the connection before forwarding", async () => {
    const p = await start();
    p.script({ fault: "resetBefore" });
    await expect(post(`${p.url}/data/projects`, "{}")).rejects.toThrow();
    expect(target?.seen).toEqual([]);
    expect(p.counts.resetBefore).toBe(1);
  });

  it("answers 429 with Retry-After", async () => {
    const p = await start({ retryAfterSeconds: 3 });
    p.script({ fault: "rateLimit", path: "/api/**" });
    const answer = await fetch(`${p.url}/data/projects`);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(target?.seen).toEqual([]);
  });

  it("expires a token for good, as Zou refuses an expired one, and leaves other tokens alone", async () => {
    const p = await start();
    p.script({ fault: "expireToken" });
    const as = (token: string) => fetch(`${p.url}/data/projects`, { headers: { authorization: `Bearer ${token}` } });
    for (const _ of [1, 2]) {
      const refused = await as("old");
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: true, message: "Signature has expired" });
    }
    expect((await as("new")).status).toBe(201);
    expect(p.counts).toMatchObject({ expireToken: 1, expiredRefusals: 2, forwarded: 1 });
  });

  it("draws the same faults from the same seed", async () => {
    const rates = { serverError: 0.2, dropAfter: 0.2, rateLimit: 0.1 };
    const run = async () => {
      const p = await start({ seed: 42, rates, retryAfterSeconds: 0 });
      for (let i = 0; i < 30; i++) await fetch(`${p.url}/data/x/${i}`).catch(() => undefined);
      const faults = p.log.map((e) => e.fault ?? "-");
      await p.close();
      proxy = undefined;
      return faults;
    };
    const first = await run();
    await new Promise<void>((resolve) => target?.server.close(() => resolve()));
    target = undefined;
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["-", "serverError", "dropAfter", "rateLimit"]));
  });

  it("refuses rates that are not probabilities, with the option named", async () => {
    await expect(startFaultProxy({ target: "http://127.0.0.1:1/api", rates: { dropAfter: 1.5 } })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      startFaultProxy({ target: "http://127.0.0.1:1/api", rates: { dropAfter: 0.6, resetBefore: 0.6 } }),
    ).rejects.toThrow(/rates is 1.2/);
  });
});
