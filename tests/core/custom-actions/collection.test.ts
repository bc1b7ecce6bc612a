import { randomUUID } from "node:crypto";
import { PermissionError, Tracker, UnsupportedError, ValidationError } from "@gadget/core";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { createAdapter } from "@gadget/kitsu-adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/*
 * `tracker.customActions` as a tool uses it: inputs checked before a request, lookups by name,
 * admin-only writes as PermissionError, on the mock and through the Kitsu-compatible server.
 */

interface Session {
  admin: Tracker;
  /** A session of a person with the `user` role. */
  artist: Tracker;
  close(): Promise<void>;
}

const sessions: { name: string; open(): Promise<Session> }[] = [
  {
    name: "mock",
    open: async () => {
      const mock = new MockTracker();
      const artistMock = new MockTracker();
      const artist = await artistMock.create("person", { firstName: "Art", lastName: "Ist", role: "user" });
      artistMock.studio.sessionPersonId = artist.id;
      const admin = Tracker.connect(mock);
      const artistSession = Tracker.connect(artistMock);
      return {
        admin,
        artist: artistSession,
        close: async () => {
          await admin.close();
          await artistSession.close();
        },
      };
    },
  },
  {
    name: "kitsu (test server)",
    open: async () => {
      const server: KitsuServer = await startKitsuServer();
      await server.users.addUser({ email: "artist@example.com", password: "artist-password", role: "user" });
      const connect = (login: string, password: string) =>
        createAdapter({ type: "kitsu", url: server.url, login, password }).then((a: TrackerAdapter) =>
          Tracker.connect(a),
        );
      const admin = await connect("admin@example.com", "mysecretpassword");
      const artist = await connect("artist@example.com", "artist-password");
      return {
        admin,
        artist,
        close: async () => {
          await admin.close();
          await artist.close();
          await server.close();
        },
      };
    },
  },
];

describe.each(sessions)("tracker.customActions on $name", (backend) => {
  let s: Session;
  beforeAll(async () => {
    s = await backend.open();
  });
  afterAll(async () => {
    await s?.close();
  });

  test("new, get by name or id, filter, find and delete", async () => {
    const name = `Publish ${randomUUID().slice(0, 6)}`;
    const action = await s.admin.customActions.new({ name, url: "https://pipe.studio.example/publish" });
    expect(action).toMatchObject({
      name,
      url: "https://pipe.studio.example/publish",
      entityType: "all",
      isAjax: false,
    });
    expect(Object.isFrozen(action)).toBe(true);
    expect((await s.admin.customActions.get({ name })).id).toBe(action.id);
    expect((await s.admin.customActions.get(action.id)).name).toBe(name);
    expect(await s.admin.customActions.filter({ url: "https://pipe.studio.example/publish", isAjax: false })).toEqual([
      expect.objectContaining({ id: action.id }),
    ]);
    expect(await s.admin.customActions.find({ name: "no such action" })).toBeUndefined();
    await s.admin.customActions.new({ name, url: "https://pipe.studio.example/other", isAjax: true });
    await expect(s.admin.customActions.get({ name })).rejects.toMatchObject({ code: "AMBIGUOUS" });
    for (const a of await s.admin.customActions.filter({ name })) await s.admin.customActions.delete(a);
    await expect(s.admin.customActions.get(action.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(s.admin.customActions.get({ name })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("bad input is a ValidationError before any request", async () => {
    const before = (await s.admin.customActions.all()).length;
    const bad = [
      { name: "", url: "https://pipe.studio.example/a" },
      { name: "x".repeat(81), url: "https://pipe.studio.example/a" },
      { name: "Publish", url: "ftp://pipe.studio.example/a" },
      { name: "Publish", url: "not a url" },
      { name: "Publish", url: "https://pipe.studio.example/a", entityType: "shots" },
      { name: "Publish", url: "https://pipe.studio.example/a", ajax: true },
    ];
    for (const input of bad) {
      // @ts-expect-error: the inputs are wrong on purpose
      await expect(s.admin.customActions.new(input)).rejects.toBeInstanceOf(ValidationError);
    }
    // @ts-expect-error: an unknown query key
    await expect(s.admin.customActions.filter({ nme: "x" })).rejects.toBeInstanceOf(ValidationError);
    expect((await s.admin.customActions.all()).length).toBe(before);
  });

  test("only a studio admin creates or deletes one: anyone else gets a PermissionError, and reads them", async () => {
    const action = await s.admin.customActions.new({ name: "Admin only", url: "https://pipe.studio.example/x" });
    try {
      await expect(
        s.artist.customActions.new({ name: "Mine", url: "https://pipe.studio.example/y" }),
      ).rejects.toBeInstanceOf(PermissionError);
      if (backend.name !== "mock") {
        // The mock's two sessions are two studios; Kitsu's are one, where the artist lists the admin's action.
        expect((await s.artist.customActions.all()).map((a) => a.id)).toContain(action.id);
        await expect(s.artist.customActions.delete(action)).rejects.toBeInstanceOf(PermissionError);
      }
    } finally {
      await s.admin.customActions.delete(action);
    }
  });
});

test("an adapter without custom actions makes tracker.customActions an UnsupportedError", async () => {
  const mock = new MockTracker();
  const adapter = new Proxy(mock, {
    get: (target, key, receiver) => (key === "customActions" ? undefined : Reflect.get(target, key, receiver)),
  });
  await expect(Tracker.connect(adapter).customActions.all()).rejects.toBeInstanceOf(UnsupportedError);
});
