import { PartialWriteError, PermissionError } from "@gadget/core";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAdapter, type KitsuAdapter } from "../src/index.js";

/*
 * A forced sequence removal deletes its shots one by one before the sequence (remove-held.ts): a
 * failure half-way says what is already gone.
 */

let server: KitsuServer;
let adapter: KitsuAdapter;

beforeAll(async () => {
  server = await startKitsuServer();
  adapter = (await createAdapter({
    type: "kitsu",
    url: server.url,
    login: "admin@example.com",
    password: "mysecretpassword",
  })) as KitsuAdapter;
});
afterAll(async () => {
  await adapter?.close();
  await server?.close();
});

it("a forced sequence removal that fails after deleting a shot is a PartialWriteError naming the shot, the sequence kept", async () => {
  const project = await adapter.create("project", { name: "Held", productionType: "short" });
  const sequence = await adapter.create("sequence", { name: "sq010", projectId: project.id });
  const first = await adapter.create("shot", { name: "sh010", projectId: project.id, sequenceId: sequence.id });
  const second = await adapter.create("shot", { name: "sh020", projectId: project.id, sequenceId: sequence.id });
  server.faults.inject({ method: "DELETE", path: `/data/shots/${second.id}`, status: 403 });

  const error = await adapter.remove("sequence", sequence.id, { force: true }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(PartialWriteError);
  const partial = error as PartialWriteError;
  expect(partial.cause).toBeInstanceOf(PermissionError);
  expect(partial.failedStep).toBe(`remove what sequence ${sequence.id} holds`);
  expect(partial.written).toEqual({
    operation: "remove",
    kind: "sequence",
    steps: [`shot ${first.id} (sh010) removed`],
    ids: { removed: [first.id] },
  });
  expect(partial.message).toContain("Remove it again with force");
  expect((await adapter.get("sequence", sequence.id)).id).toBe(sequence.id);
  expect((await adapter.get("shot", second.id)).id).toBe(second.id);

  // Again with force, it finishes.
  expect(await adapter.remove("sequence", sequence.id, { force: true })).toEqual({ outcome: "deleted" });
});

it("a forced sequence removal whose first shot fails writes nothing and throws that error as it is", async () => {
  const project = await adapter.create("project", { name: "Held First", productionType: "short" });
  const sequence = await adapter.create("sequence", { name: "sq010", projectId: project.id });
  const shot = await adapter.create("shot", { name: "sh010", projectId: project.id, sequenceId: sequence.id });
  server.faults.inject({ method: "DELETE", path: `/data/shots/${shot.id}`, status: 403 });

  await expect(adapter.remove("sequence", sequence.id, { force: true })).rejects.toBeInstanceOf(PermissionError);
  expect((await adapter.get("shot", shot.id)).id).toBe(shot.id);
});
