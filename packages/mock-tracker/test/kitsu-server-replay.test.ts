import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type KitsuServer, startKitsuServer } from "../src/kitsu-server/index.js";
import {
  answerDiff,
  differentialRuns,
  IdMap,
  type Json,
  nameSet,
  type RecordedCase,
  recordedCases,
  recordedDir,
} from "./kitsu-server-replay-lib.js";

/*
 * Replays every recorded Zou 1.0.67 case (shared/kitsu/recorded beside the clone) in order against one fresh
 * server, one test per case: same status, same response shape, same error text, and the same set
 * of event names. Allow-listed cases still run (later cases depend on them) and are expected to
 * differ: `test.fails` turns red when one starts matching, so the list cannot go stale.
 */

/** Cases whose answer depends on what this server deliberately does not reproduce. */
const allowList: Record<string, string> = {
  "012": "email domain DNS check, disabled on the recorded server after this case",
  "110": "the model has no shot without a sequence",
  "124": "follows 110: deletes the shot without sequence",
  "249": "recorded server had no search indexer (500); this server searches",
};

/** Cases whose answer matches but whose events differ, for a reason the server cannot remove. */
const eventAllowList: Record<string, string> = {};

const runs = [
  { title: "kitsu-server replays recorded Zou cases", dir: recordedDir, allowList, eventAllowList },
  ...differentialRuns().map((run) => ({
    title: `kitsu-server replays the differential run recorded in ${run.dir.split("/").slice(-2).join("/")}`,
    dir: run.dir,
    allowList: run.allowList,
    eventAllowList: {} as Record<string, string>,
  })),
];

for (const { title, dir, allowList, eventAllowList } of runs)
  describe(title, () => {
    let server: KitsuServer;
    const ids = new IdMap();
    const tokens: Record<string, { access?: string; refresh?: string }> = { admin: {}, artist: {}, bot: {} };
    /** A separate admin session reading `/data/events/last`, as the recorder's listener did on the socket. */
    let watcher = "";
    let lastEventId: string | undefined;

    beforeAll(async () => {
      server = await startKitsuServer();
      watcher = server.users.issueTokens(server.adminId as never).accessToken;
      lastEventId = (await newEvents())[0];
    });
    afterAll(async () => {
      await server.close();
    });

    /** Event ids and names newer than the last seen one, newest first. */
    async function eventsSinceLast(): Promise<{ id: string; name: string }[]> {
      const get = () =>
        fetch(`${server.url}/data/events/last?limit=500`, { headers: { authorization: `Bearer ${watcher}` } });
      let res = await get();
      if (res.status === 401) {
        watcher = server.users.issueTokens(server.adminId as never).accessToken;
        res = await get();
      }
      const rows = (await res.json()) as { id: string; name: string }[];
      const at = lastEventId ? rows.findIndex((r) => r.id === lastEventId) : rows.length;
      return rows.slice(0, at < 0 ? rows.length : at);
    }

    async function newEvents(): Promise<string[]> {
      const rows = await eventsSinceLast();
      if (rows[0]) lastEventId = rows[0].id;
      return rows.map((r) => r.name);
    }

    function authFor(c: RecordedCase): string | undefined {
      const label = c.request.headers.authorization;
      if (!label) return undefined;
      const t = tokens[c.actor === "anonymous" ? "admin" : c.actor] ?? {};
      if (label === "Bearer <bot>") return `Bearer ${tokens.bot?.access}`;
      if (label === "Bearer <refresh>" || label === "Bearer <revoked-refresh>") return `Bearer ${t.refresh}`;
      if (label === "Bearer <expired-access>") {
        server.tokens.expireAll();
        return `Bearer ${t.access}`;
      }
      if (label === "Bearer <access-with-bad-signature>") return `Bearer ${t.access?.replace(/\.[^.]+$/, ".AAAA")}`;
      return label.replace("<access>", t.access ?? "").replace("<revoked-access>", t.access ?? "");
    }

    function body(c: RecordedCase, headers: Record<string, string>): FormData | string | undefined {
      if (c.request.multipart) {
        const form = new FormData();
        for (const part of c.request.multipart) {
          if ("value" in part) form.append(part.field, ids.subst(part.value));
          else
            form.append(part.field, new Blob([Buffer.alloc(part.bytes, 7)], { type: part.contentType }), part.filename);
        }
        return form;
      }
      if (c.request.json === null || c.request.json === undefined) return undefined;
      headers["content-type"] = "application/json";
      return ids.subst(JSON.stringify(c.request.json));
    }

    /** Keeps the actors' tokens as the recorded flow does (logins, refreshes, bot creation, re-login after 020). */
    function trackTokens(c: RecordedCase, num: string, status: number, actual: Json): void {
      const a = actual as { access_token?: string; refresh_token?: string };
      if (status === 200 && c.request.path.startsWith("/auth/login")) {
        const who = (c.request.json as { email?: string }).email?.startsWith("alice") ? "artist" : "admin";
        tokens[who] = { access: a.access_token, refresh: a.refresh_token };
      }
      if (status === 200 && c.request.path === "/auth/refresh-token") {
        const who = c.actor === "artist" ? "artist" : "admin";
        tokens[who] = { ...tokens[who], access: a.access_token };
      }
      if (status === 201 && a.access_token) tokens.bot = { access: a.access_token };
      if (num === "020" && status === 401) {
        const again = server.users.issueTokens(server.adminId as never);
        tokens.admin = { access: again.accessToken, refresh: again.refreshToken };
      }
    }

    async function replay(c: RecordedCase, num: string): Promise<{ answer?: string; events?: string }> {
      const url = new URL(`${server.url}${ids.subst(c.request.path)}`);
      for (const [k, v] of Object.entries(c.request.query)) url.searchParams.set(k, ids.subst(v));
      const headers: Record<string, string> = { "user-agent": "kitsu-recorder/1.0 (node)" };
      const auth = authFor(c);
      if (auth) headers.authorization = auth;
      const payload = body(c, headers);
      const res = await fetch(url, { method: c.request.method, headers, body: payload });
      const text = await res.text();
      const actual: Json =
        res.headers.get("content-type")?.includes("application/json") && text ? JSON.parse(text) : text;
      if (c.response.json !== undefined) ids.learn(c.response.json, actual);
      if (num in allowList && res.status !== c.response.status) ids.orphan(c.response.json);
      trackTokens(c, num, res.status, actual);
      const answer = answerDiff(c, res.status, actual, text, ids);
      const got = nameSet(await newEvents());
      const want = nameSet(c.events.map((e) => e.name));
      const events = JSON.stringify(got) === JSON.stringify(want) ? undefined : `events ${got} (recorded ${want})`;
      return { answer, events };
    }

    for (const { file, num, c } of recordedCases(dir)) {
      const reason = allowList[num];
      if (reason) {
        test.fails(`${file} differs (allowed: ${reason})`, async () => {
          const { answer } = await replay(c, num);
          expect(answer, answer).toBeUndefined();
        });
        continue;
      }
      test(file, async () => {
        const { answer, events } = await replay(c, num);
        expect(answer, answer).toBeUndefined();
        if (!(num in eventAllowList)) expect(events, events).toBeUndefined();
      });
    }
  });
