import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/* Crud filters as Zou parses them (zou.md §2.2): ILIKE names, unknown keys ignored, IN lists, pages. */

type Row = Record<string, unknown> & { id: string; name: string };

describe("kitsu-server crud filters", () => {
  let server: KitsuServer;
  let api: Api;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ server, api } = await adminSession());
    for (const name of ["Spring_Short", "SpringXShort", "Autumn"]) {
      const res = await api.call<Row>("POST", "/data/projects", { name });
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const names = async (query: string) =>
    (await api.call<Row[]>("GET", `/data/projects?${query}`)).body.map((r) => r.name).sort();

  test("name filters are case-insensitive", async () => {
    expect(await names("name=autumn")).toEqual(["Autumn"]);
  });

  test("`_` in a name filter is a one-character wildcard and `%` any run", async () => {
    expect(await names("name=spring_short")).toEqual(["SpringXShort", "Spring_Short"]);
    expect(await names("name=%25umn")).toEqual(["Autumn"]);
  });

  test("unknown filter keys are ignored", async () => {
    expect(await names("no_such_column=1&name=Autumn")).toEqual(["Autumn"]);
  });

  test("a JSON list filters with IN", async () => {
    const list = encodeURIComponent(JSON.stringify([ids.Autumn, ids.Spring_Short]));
    expect(await names(`id=${list}`)).toEqual(["Autumn", "Spring_Short"]);
  });

  test("a JSON list as a name filtered with IN, where Zou reads it as one ILIKE pattern that matches nothing", async () => {
    expect(await names(`name=${encodeURIComponent(JSON.stringify(["Autumn", "Spring_Short"]))}`)).toEqual([]);
  });

  test("a malformed id filter is 400 with the offending value", async () => {
    const res = await api.call<{ message: string }>("GET", "/data/projects?id=nope");
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("nope");
  });

  test("page and limit answer the pagination envelope", async () => {
    const res = await api.call<{ data: Row[]; total: number; nb_pages: number; limit: number; page: number }>(
      "GET",
      "/data/projects?page=2&limit=2",
    );
    expect(res.body).toMatchObject({ total: 3, nb_pages: 2, limit: 2, offset: 2, page: 2 });
    expect(res.body.data).toHaveLength(1);
  });

  test("unknown routes are 404 and wrong methods 405, trailing slash accepted", async () => {
    expect((await api.call("GET", "/data/no-such-model")).status).toBe(404);
    expect((await api.call("PATCH", "/data/projects")).status).toBe(405);
    expect((await api.call("GET", "/data/projects/")).status).toBe(200);
  });
});
