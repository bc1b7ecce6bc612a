import { randomUUID } from "node:crypto";
import { PermissionError, Tracker } from "@gadget/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createAdapter } from "../src/index.js";
import { realKitsu } from "./real-kitsu.js";

/*
 * `tracker.customActions` on a real Kitsu (TRACKER_URL with an admin login), skipped when none
 * answers: list, new, get, delete, and an artist's write refused. What it creates is named
 * `actions12-…` and deleted at the end.
 */

// A password login: the test logs an artist in beside the admin.
const real = realKitsu();
const answers =
  real !== undefined &&
  Boolean(real.login && real.password) &&
  (await fetch(real.url, { signal: AbortSignal.timeout(3000) }).then(
    () => true,
    () => false,
  ));

describe.skipIf(!answers)("custom actions on a real Kitsu (TRACKER_URL)", () => {
  const tag = `actions12-${randomUUID().slice(0, 8)}`;
  let admin: Tracker;
  let artistId: string | undefined;
  beforeAll(async () => {
    if (!real) return;
    admin = Tracker.connect(await createAdapter(real));
  });
  afterAll(async () => {
    for (const action of (await admin?.customActions.all()) ?? [])
      if (action.name.startsWith(tag)) await admin.customActions.delete(action);
    if (artistId) await admin.raw.delete(`data/persons/${artistId}?force=true`).catch(() => undefined);
    await admin?.close();
  });

  test("new, get, all and delete", { timeout: 60_000 }, async () => {
    const name = `${tag} publish`;
    const action = await admin.customActions.new({
      name,
      url: "http://127.0.0.1:9/actions12",
      entityType: "shot",
      isAjax: true,
    });
    expect(action).toMatchObject({ name, url: "http://127.0.0.1:9/actions12", entityType: "shot", isAjax: true });
    expect(action.raw.type).toBe("CustomAction");
    expect((await admin.customActions.get({ name })).id).toBe(action.id);
    expect((await admin.customActions.all()).map((a) => a.id)).toContain(action.id);
    await admin.customActions.delete(action);
    await expect(admin.customActions.get(action.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await admin.customActions.find({ name })).toBeUndefined();
  });

  test("an artist lists them but may not create one (PermissionError)", { timeout: 60_000 }, async () => {
    if (!real) return;
    const email = `${tag}-artist@example.com`;
    const password = `pw-${randomUUID()}`;
    const person = await admin.raw.post<{ id: string }>("data/persons", {
      first_name: tag,
      last_name: "artist",
      email,
      password,
      role: "user",
    });
    artistId = person.id;
    const artist = Tracker.connect(await createAdapter({ type: "kitsu", url: real.url, login: email, password }));
    try {
      expect(Array.isArray(await artist.customActions.all())).toBe(true);
      await expect(
        artist.customActions.new({ name: `${tag} mine`, url: "http://127.0.0.1:9/actions12" }),
      ).rejects.toBeInstanceOf(PermissionError);
    } finally {
      await artist.close();
    }
  });
});
