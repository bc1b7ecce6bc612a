import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ActionStudio,
  backends,
  form,
  formBody,
  json,
  jsonBody,
  kitsuOrigin,
  openActionStudio,
} from "./fixture.js";

/*
 * The custom action handler over real HTTP on 127.0.0.1, on the mock tracker and through the Kitsu
 * adapter and the Kitsu-compatible server: Kitsu's two encodings, forged and foreign posts, the
 * CORS preflight, HTML for form actions and JSON for AJAX ones, and the limits.
 */

const post = (studio: ActionStudio, headers: Record<string, string>, body: string) =>
  fetch(studio.url, { method: "POST", headers: { origin: kitsuOrigin, ...headers }, body });

describe.each(backends)("custom action handler on $name", (backend) => {
  let studio: ActionStudio;
  beforeAll(async () => {
    studio = await openActionStudio(backend);
  }, 60_000);
  afterAll(async () => {
    await studio?.close();
  });
  const ids = () => studio.tasks.map((t) => t.id);

  test("a form post (Kitsu's form action) runs the action on the selected tasks and answers an HTML page", async () => {
    const before = studio.runs.length;
    const res = await post(
      studio,
      form,
      formBody({ person: studio.member, project: studio.project, selection: ids() }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("access-control-allow-origin")).toBe(kitsuOrigin);
    expect(await res.text()).toContain("Published 2 task(s).");
    expect(studio.runs.slice(before)).toEqual([
      {
        tasks: ids(),
        entities: studio.tasks.map((t) => t.entityId),
        person: studio.member.id,
        project: studio.project.id,
        ajax: false,
      },
    ]);
  });

  test("a JSON post (Kitsu's AJAX action, its other field names) answers JSON", async () => {
    const before = studio.runs.length;
    const res = await post(
      studio,
      json,
      jsonBody({ person: studio.member, project: studio.project, selection: ids() }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ok: true, result: { message: "Published 2 task(s)." } });
    expect(studio.runs.slice(before).map((r) => [r.tasks, r.ajax])).toEqual([[ids(), true]]);
  });

  test("a forged person (an e-mail that is not theirs) gets 403 and the action does not run", async () => {
    const before = studio.runs.length;
    const body = jsonBody({
      person: studio.member,
      email: "someone-else@example.com",
      project: studio.project,
      selection: ids(),
    });
    const res = await post(studio, json, body);
    expect(res.status).toBe(403);
    const answer = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe("PERMISSION");
    expect(answer.error.message).toMatch(/e-mail posted is not person/);
    expect(studio.runs.length).toBe(before);
  });

  test("a person who does not exist, or is not on the project's team, gets 403", async () => {
    const before = studio.runs.length;
    const ghost = { id: "8f14e45f-ceea-467a-9af0-fd3b2c5c1b00", email: studio.member.email };
    const unknown = await post(studio, json, jsonBody({ person: ghost, project: studio.project, selection: ids() }));
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/no person has id/);
    const off = await post(
      studio,
      json,
      jsonBody({ person: studio.outsider, project: studio.project, selection: ids() }),
    );
    expect(off.status).toBe(403);
    expect(((await off.json()) as { error: { message: string } }).error.message).toMatch(/not on the team/);
    expect(studio.runs.length).toBe(before);
  });

  test("a selection holding a task of another project, or an unknown id, gets 403", async () => {
    const before = studio.runs.length;
    const foreign = await post(
      studio,
      json,
      jsonBody({ person: studio.member, project: studio.project, selection: [...ids(), studio.foreignTask.id] }),
    );
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/another project/);
    const unknown = await post(
      studio,
      json,
      jsonBody({
        person: studio.member,
        project: studio.project,
        selection: ["0d6f2c4e-3b1a-4c5d-8e9f-a0b1c2d3e4f5"],
      }),
    );
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/no task/);
    expect(studio.runs.length).toBe(before);
  });

  test("a refused form post gets a 403 HTML page saying why", async () => {
    const res = await post(
      studio,
      form,
      formBody({ person: studio.outsider, project: studio.project, selection: ids() }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("is not on the team of project Bunny Escape");
  });

  test("a malformed body gets 400 naming what is wrong", async () => {
    const bad = await post(studio, json, "{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const missing = await post(studio, json, JSON.stringify({ selection: ids() }));
    expect(missing.status).toBe(400);
    const message = ((await missing.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/personId/);
    expect(message).toMatch(/projectId/);
    const notIds = await post(
      studio,
      form,
      formBody({ person: studio.member, project: studio.project, selection: ["sh010", "'; drop table"] }),
    );
    expect(notIds.status).toBe(400);
    expect(await notIds.text()).toContain("a UUID as Kitsu gives ids");
  });

  test("the CORS preflight is answered for the Kitsu origin only, and a post from another origin is refused", async () => {
    const preflight = await fetch(studio.url, {
      method: "OPTIONS",
      headers: {
        origin: kitsuOrigin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(kitsuOrigin);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    const evil = await fetch(studio.url, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const before = studio.runs.length;
    const cross = await fetch(studio.url, {
      method: "POST",
      headers: { ...json, origin: "https://evil.example" },
      body: jsonBody({ person: studio.member, project: studio.project, selection: ids() }),
    });
    expect(cross.status).toBe(403);
    expect(studio.runs.length).toBe(before);
  });

  test("only POST and OPTIONS, Kitsu's two content types, and bodies under the cap", async () => {
    const get = await fetch(studio.url, { headers: { accept: "application/json" } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    const xml = await post(studio, { "content-type": "text/xml", accept: "application/json" }, "<a/>");
    expect(xml.status).toBe(415);
    const huge = await post(
      studio,
      json,
      jsonBody({ person: studio.member, project: studio.project, selection: Array(600).fill(ids()[0]) }),
    );
    expect(huge.status).toBe(413);
  });
});

describe("custom action handler, fetch-style", () => {
  let studio: ActionStudio;
  beforeAll(async () => {
    studio = await openActionStudio(backends[0] as (typeof backends)[0]);
  });
  afterAll(async () => {
    await studio?.close();
  });

  test("handler.fetch answers a Request with a Response, with the same checks", async () => {
    const { createCustomActionHandler } = await import("@gadget/core/custom-actions");
    const handler = createCustomActionHandler({
      tracker: studio.tracker,
      origin: kitsuOrigin,
      handle: async (action) => (await action.tasks()).map((t) => t.id),
    });
    const body = jsonBody({ person: studio.member, project: studio.project, selection: studio.tasks.map((t) => t.id) });
    const ok = await handler.fetch(
      new Request("http://127.0.0.1/publish", { method: "POST", headers: { ...json, origin: kitsuOrigin }, body }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, result: studio.tasks.map((t) => t.id) });
    const forged = await handler.fetch(
      new Request("http://127.0.0.1/publish", {
        method: "POST",
        headers: json,
        body: jsonBody({ person: studio.outsider, project: studio.project, selection: [studio.foreignTask.id] }),
      }),
    );
    expect(forged.status).toBe(403);
    const preflight = await handler.fetch(
      new Request("http://127.0.0.1/publish", { method: "OPTIONS", headers: { origin: kitsuOrigin } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(kitsuOrigin);
  });

  test("with a key, a post whose URL does not carry it is refused before its body is read", async () => {
    const { createCustomActionHandler } = await import("@gadget/core/custom-actions");
    const runs: number[] = [];
    const handler = createCustomActionHandler({
      tracker: studio.tracker,
      key: "s3cret-action-key",
      handle: () => runs.push(1),
    });
    const body = jsonBody({ person: studio.member, project: studio.project, selection: studio.tasks.map((t) => t.id) });
    const send = (url: string) => handler.fetch(new Request(url, { method: "POST", headers: json, body }));
    expect((await send("http://127.0.0.1/publish")).status).toBe(403);
    const wrong = await send("http://127.0.0.1/publish?key=guess");
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/key/);
    expect(runs).toEqual([]);
    expect((await send("http://127.0.0.1/publish?key=s3cret-action-key")).status).toBe(200);
    expect(runs).toEqual([1]);
    expect(() => createCustomActionHandler({ tracker: studio.tracker, key: "short", handle: () => 1 })).toThrow(
      /at least 8 characters/,
    );
  });
});
