import { mkdtemp, truncate, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Id, TimeoutError } from "@gadget/core";
import { defaultRules } from "@gadget/core/adapter";
import { afterEach, describe, expect, it } from "vitest";
import { uploadPreviewFile } from "../src/ops/publish.js";
import { ReferenceCache } from "../src/ops/reference.js";
import { KitsuClient } from "../src/transport/client.js";
import { type Fixture, json, startFixture } from "./http-fixture.js";

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const previewId = "0a641b91-09a6-4c5e-98c8-74f05d4a3eb0" as Id;

async function bigFile() {
  const dir = await mkdtemp(join(tmpdir(), "gadget-upload-"));
  const path = join(dir, "render_v001.exr");
  // 1 MiB of a repeating pattern: several stream chunks, easy to check on arrival.
  const bytes = Buffer.alloc(1024 * 1024, "abcdefgh");
  await writeFile(path, bytes);
  return { file: { path, fileName: "render_v001.exr", size: bytes.length, contentType: "image/x-exr" }, bytes };
}

describe("streamed multipart upload", () => {
  it("re-opens the file for a retry after the connection dropped, once it checked nothing landed", async () => {
    const { file, bytes } = await bigFile();
    let uploads = 0;
    let received = Buffer.alloc(0);
    fixture = await startFixture((req, res, body) => {
      if (req.method === "GET") return json(res, 200, { id: previewId, task_id: "t", original_name: null });
      uploads++;
      if (uploads === 1) return req.socket.destroy();
      received = Buffer.from(body, "utf8");
      expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(Number(req.headers["content-length"])).toBe(Buffer.byteLength(body));
      return json(res, 201, { id: previewId, task_id: "t", original_name: "render_v001", extension: "exr" });
    });
    const client = new KitsuClient({
      url: fixture.url,
      credentials: { token: "bot" },
      retry: { backoffLimit: 2 },
    });
    const progress: number[] = [];
    const row = await uploadPreviewFile(
      { client, ref: new ReferenceCache(client), rules: defaultRules },
      previewId,
      file,
      {
        onProgress: (p) => progress.push(p.loaded),
      },
    );
    expect(row.original_name).toBe("render_v001");
    expect(uploads).toBe(2);
    expect(fixture.seen.filter((s) => s.startsWith("GET"))).toHaveLength(1);
    expect(received.includes(bytes.subarray(0, 4096))).toBe(true);
    expect(received.toString("utf8")).toContain('name="file"; filename="render_v001.exr"');
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.length).toBeGreaterThan(2);
  });

  it("an upload with an already aborted signal raised an unhandled 'socket hang up' instead of rejecting", async () => {
    const { file } = await bigFile();
    fixture = await startFixture((_req, res) => json(res, 201, {}));
    const client = new KitsuClient({ url: fixture.url, credentials: { token: "bot" } });
    const cancelled = AbortSignal.abort(new Error("cancelled by the user"));
    const upload = uploadPreviewFile(
      { client, ref: new ReferenceCache(client), rules: defaultRules },
      previewId,
      file,
      {
        signal: cancelled,
      },
    );
    await expect(upload).rejects.toThrow("cancelled by the user");
    expect(fixture.seen).toEqual([]);
  });

  it("an upload that timed out is not sent again when the read-back finds nothing: the server may still be at it", async () => {
    const { file } = await bigFile();
    let uploads = 0;
    fixture = await startFixture((req, res) => {
      if (req.method === "GET") return json(res, 200, { id: previewId, task_id: "t", original_name: null });
      uploads++; // never answered
    });
    const client = new KitsuClient({
      url: fixture.url,
      credentials: { token: "bot" },
      transferTimeout: 1_500,
      retry: { backoffLimit: 2 },
    });
    const upload = uploadPreviewFile(
      { client, ref: new ReferenceCache(client), rules: defaultRules },
      previewId,
      file,
      {},
    );
    await expect(upload).rejects.toBeInstanceOf(TimeoutError);
    expect(uploads).toBe(1);
    expect(fixture.seen.filter((s) => s.startsWith("GET"))).toHaveLength(1);
  });

  it("returns the landed upload instead of sending it twice", async () => {
    const { file } = await bigFile();
    let uploads = 0;
    fixture = await startFixture((req, res) => {
      if (req.method === "GET") return json(res, 200, { id: previewId, task_id: "t", original_name: "render_v001" });
      uploads++;
      return req.socket.destroy();
    });
    const client = new KitsuClient({ url: fixture.url, credentials: { token: "bot" }, retry: { backoffLimit: 2 } });
    const row = await uploadPreviewFile(
      { client, ref: new ReferenceCache(client), rules: defaultRules },
      previewId,
      file,
      {},
    );
    expect(row.original_name).toBe("render_v001");
    expect(uploads).toBe(1);
  });

  it("a streamed upload stops reading its file while the server reads nothing, and finishes when it does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gadget-upload-"));
    const path = join(dir, "plate_v001.mov");
    const size = 64 * 1024 * 1024;
    await writeFile(path, "");
    await truncate(path, size);
    let held: IncomingMessage | undefined;
    const server = createServer((req) => {
      // Read nothing: a client that streams must stop reading its file once the socket is full.
      req.pause();
      held = req;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new KitsuClient({ url, credentials: { token: "bot" }, retry: 0 });
      let loaded = 0;
      const file = { path, fileName: "plate_v001.mov", size, contentType: "video/quicktime" };
      const done = uploadPreviewFile(
        { client, ref: new ReferenceCache(client), rules: defaultRules },
        previewId,
        file,
        {
          onProgress: (p) => {
            loaded = p.loaded;
          },
        },
      );
      // Wait, bounded, until reading stops: with backpressure it stalls at what the socket holds.
      let last = -1;
      for (let i = 0; i < 100 && loaded !== last; i++) {
        last = loaded;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(held).toBeDefined();
      expect(loaded).toBeLessThan(size / 4);
      held!.resume();
      held!.on("end", () => {
        held!.socket.end(
          'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"id":"0a641b91-09a6-4c5e-98c8-74f05d4a3eb0","task_id":"t","original_name":"plate_v001"}',
        );
      });
      expect((await done).original_name).toBe("plate_v001");
      expect(loaded).toBe(size);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
