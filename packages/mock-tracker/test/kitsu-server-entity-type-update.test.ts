import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/* Regression: `PUT /data/entity-types/<id>` ignored `description` and `short_name` (zou.md §2.2: only given keys are set). */

type Row = Record<string, unknown> & { id: string };

describe("kitsu-server PUT /data/entity-types/<id>", () => {
  let server: KitsuServer;
  let api: Api;

  beforeAll(async () => {
    ({ server, api } = await adminSession());
  });
  afterAll(async () => {
    await server.close();
  });

  test("sets description and short_name, leaving the other columns as they were", async () => {
    const created = (await api.call<Row>("POST", "/data/entity-types", { name: "Vehicle", short_name: "veh" })).body;
    const updated = await api.call<Row>("PUT", `/data/entity-types/${created.id}`, { description: "small things" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "Vehicle", short_name: "veh", description: "small things" });
    await api.call("PUT", `/data/entity-types/${created.id}`, { short_name: "vh" });
    const read = (await api.call<Row>("GET", `/data/entity-types/${created.id}`)).body;
    expect(read).toMatchObject({ name: "Vehicle", short_name: "vh", description: "small things" });
  });

  test("null clears a text column", async () => {
    const created = (await api.call<Row>("POST", "/data/entity-types", { name: "Gadget", description: "gadgets" }))
      .body;
    await api.call("PUT", `/data/entity-types/${created.id}`, { description: null });
    expect((await api.call<Row>("GET", `/data/entity-types/${created.id}`)).body.description).toBeNull();
  });

  test("renaming to a taken name is Zou's duplicate answer", async () => {
    const created = (await api.call<Row>("POST", "/data/entity-types", { name: "Crowd" })).body;
    const clash = await api.call("PUT", `/data/entity-types/${created.id}`, { name: "Vehicle" });
    expect(clash).toMatchObject({
      status: 400,
      body: { message: "A record with the same unique values already exists." },
    });
  });
});
