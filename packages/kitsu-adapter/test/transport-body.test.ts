import { NetworkError, ServerError, TimeoutError } from "@gadget/core";
import { afterEach, describe, expect, it } from "vitest";
import { KitsuClient } from "../src/transport/client.js";
import { type Fixture, type Handler, startFixture } from "./http-fixture.js";

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function clientFor(handler: Handler, totalTimeout = 30_000) {
  fixture = await startFixture(handler);
  return new KitsuClient({
    url: fixture.url,
    credentials: { token: "bot-token" },
    totalTimeout,
    retry: { backoffLimit: 5 },
  });
}

describe("KitsuClient answer bodies", () => {
  it("a 200 answer that is not JSON is a ServerError, not a SyntaxError", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Sign in to the proxy</body></html>");
    });
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).request).toMatchObject({ method: "GET", path: "/data/projects", status: 200 });
    expect((error as Error).message).not.toContain("<html>");
  });

  it("a body that stalls after the headers ends at the total timeout instead of hanging", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "64" });
      res.write('[{"id": "p1"');
    }, 300);
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("totalTimeout");
  });

  it("a connection dropped in the middle of a body is a NetworkError", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "64" });
      res.write('[{"id": "p1"', () => res.socket?.destroy());
    });
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).request).toMatchObject({ path: "/data/projects", status: 200 });
  });

  it("an error answer whose body stalls still maps its status", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(404, { "content-type": "application/json", "content-length": "64" });
      res.write('{"message": ');
    }, 300);
    const error = await client.raw.get("data/projects/x").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", request: { status: 404 } });
  });
});
