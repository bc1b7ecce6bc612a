import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuthError, ConfigError, type FromEnvOptions, NetworkError, Project, Tracker } from "@gadget/core";
import * as kitsu from "@gadget/kitsu-adapter";
import { afterAll, beforeAll } from "vitest";
import { type BadInput, bad, corpus } from "./corpus.js";
import type { World } from "./world.js";

/* Tracker.fromEnv / Project.fromEnv: every TRACKER_* variable malformed, and the options object. */

let html: Server;
let htmlUrl = "";
let closedUrl = "";
let dir = "";

beforeAll(async () => {
  html = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><html><body><h1>Welcome to the studio intranet</h1></body></html>");
  });
  await new Promise<void>((resolve) => html.listen(0, "127.0.0.1", resolve));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  dir = await mkdtemp(join(tmpdir(), "gadget-bad-config-"));
  await writeFile(join(dir, "not-json.json"), "this is not json");
  await writeFile(join(dir, "not-a-snapshot.json"), JSON.stringify({ shots: [] }));
  await mkdir(join(dir, "a-directory"));
});
afterAll(async () => {
  await new Promise<void>((resolve) => html.close(() => resolve()));
});

/** Opens the world's backend with some variables replaced (undefined removes one). */
function open(w: World, changes: Record<string, string | undefined>, options: Partial<FromEnvOptions> = {}) {
  const env: Record<string, string | undefined> = { ...w.env, ...changes };
  for (const key of Object.keys(changes)) if (changes[key] === undefined) delete env[key];
  return Project.fromEnv({ env, envFile: false, modules: { kitsu }, ...options }).then(async (project) => {
    await project.tracker.close();
    return project;
  });
}

const kitsuOnly = "kitsu" as const;
const mockOnly = "mock" as const;

const variables: BadInput[] = [
  {
    name: 'TRACKER_TYPE="kitsuu"',
    run: (w) => open(w, { TRACKER_TYPE: "kitsuu" }),
    error: ConfigError,
    says: ["TRACKER_TYPE", '"kitsuu"', "kitsu, mock"],
  },
  {
    name: 'TRACKER_TYPE="zou"',
    run: (w) => open(w, { TRACKER_TYPE: "zou" }),
    error: ConfigError,
    says: ["TRACKER_TYPE", '"zou"'],
  },
  {
    name: "neither TRACKER_TYPE nor TRACKER_URL",
    run: (w) => open(w, { TRACKER_TYPE: undefined, TRACKER_URL: undefined }),
    error: ConfigError,
    says: ["TRACKER_TYPE", "TRACKER_URL"],
  },
  {
    name: 'TRACKER_URL="not a url"',
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: "not a url" }),
    error: ConfigError,
    says: ["TRACKER_URL", "absolute URL"],
  },
  {
    name: "TRACKER_URL without a scheme",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: "kitsu.example.com/api" }),
    error: ConfigError,
    says: ["TRACKER_URL"],
  },
  {
    name: 'TRACKER_URL="ftp://kitsu"',
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: "ftp://kitsu.example.com" }),
    error: ConfigError,
    says: ["TRACKER_URL", "ftp:"],
  },
  {
    name: "TRACKER_URL with user:password@",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: "http://admin:hunter2@127.0.0.1/api" }),
    error: ConfigError,
    says: ["TRACKER_URL", "credentials"],
  },
  {
    name: "TRACKER_URL with a query string",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: `${w.env.TRACKER_URL}?x=1` }),
    error: ConfigError,
    says: ["TRACKER_URL", "query string"],
  },
  {
    name: "TRACKER_URL pointing at an HTML page",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: htmlUrl }),
    error: ConfigError,
    says: ["TRACKER_URL", "HTML", "Kitsu API"],
  },
  {
    name: "TRACKER_URL pointing at a closed port",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: closedUrl }),
    error: NetworkError,
    says: ["TRACKER_URL", "127.0.0.1"],
  },
  {
    name: "TRACKER_URL pointing at the server's root without /api twice",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_URL: `${w.env.TRACKER_URL}/api` }),
    error: ConfigError,
    says: ["TRACKER_URL", "/api/api"],
  },
  {
    name: "a wrong TRACKER_PASSWORD",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_PASSWORD: "wrong-password" }),
    error: AuthError,
    says: ["TRACKER_PASSWORD", "admin@example.com"],
  },
  {
    name: "an unknown TRACKER_LOGIN",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_LOGIN: "nobody@example.com" }),
    error: AuthError,
    says: ["TRACKER_LOGIN", "nobody@example.com"],
  },
  {
    name: "TRACKER_LOGIN without TRACKER_PASSWORD",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_PASSWORD: undefined }),
    error: ConfigError,
    says: ["TRACKER_PASSWORD"],
  },
  {
    name: "TRACKER_PASSWORD without TRACKER_LOGIN",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_LOGIN: undefined }),
    error: ConfigError,
    says: ["TRACKER_LOGIN"],
  },
  {
    name: "TRACKER_TOKEN together with a login",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_TOKEN: "abc" }),
    error: ConfigError,
    says: ["TRACKER_TOKEN", "Unset"],
  },
  {
    name: 'TRACKER_TOKEN="not-a-token"',
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_LOGIN: undefined, TRACKER_PASSWORD: undefined, TRACKER_TOKEN: "not-a-token" }),
    error: AuthError,
    says: ["TRACKER_TOKEN"],
  },
  {
    name: "TRACKER_TOKEN with a line break",
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_LOGIN: undefined, TRACKER_PASSWORD: undefined, TRACKER_TOKEN: "abc\ndef" }),
    error: ConfigError,
    says: ["TRACKER_TOKEN"],
  },
  {
    name: 'TRACKER_EVENTS_URL="nope"',
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_EVENTS_URL: "nope" }),
    error: ConfigError,
    says: ["TRACKER_EVENTS_URL"],
  },
  {
    name: 'TRACKER_EVENTS_URL="ftp://x"',
    only: kitsuOnly,
    run: (w) => open(w, { TRACKER_EVENTS_URL: "ftp://events.example.com" }),
    error: ConfigError,
    says: ["TRACKER_EVENTS_URL", "ftp:"],
  },
  {
    name: "TRACKER_PROJECT unset",
    run: (w) => open(w, { TRACKER_PROJECT: undefined }),
    error: ConfigError,
    says: ["TRACKER_PROJECT", "Set it"],
  },
  {
    name: 'TRACKER_PROJECT="Bunny"',
    run: (w) => open(w, { TRACKER_PROJECT: "Bunny" }),
    error: ConfigError,
    says: ['"Bunny"', "Bunny Escape"],
  },
  {
    name: "TRACKER_PROJECT with a control character",
    run: (w) => open(w, { TRACKER_PROJECT: "Bunny\u0000Escape" }),
    error: ConfigError,
    says: ["TRACKER_PROJECT", "control character"],
  },
  {
    name: "TRACKER_MOCK_SEED naming a missing file",
    only: mockOnly,
    run: (w) => open(w, { TRACKER_MOCK_SEED: join(dir, "nope.json") }),
    error: ConfigError,
    says: ["TRACKER_MOCK_SEED", "nope.json", "does not exist"],
  },
  {
    name: "TRACKER_MOCK_SEED naming a directory",
    only: mockOnly,
    run: (w) => open(w, { TRACKER_MOCK_SEED: join(dir, "a-directory") }),
    error: ConfigError,
    says: ["TRACKER_MOCK_SEED", "a-directory"],
  },
  {
    name: "TRACKER_MOCK_SEED naming a file that is not JSON",
    only: mockOnly,
    run: (w) => open(w, { TRACKER_MOCK_SEED: join(dir, "not-json.json") }),
    error: ConfigError,
    says: ["TRACKER_MOCK_SEED", "not-json.json"],
  },
  {
    name: "TRACKER_MOCK_SEED naming JSON that is no snapshot",
    only: mockOnly,
    run: (w) => open(w, { TRACKER_MOCK_SEED: join(dir, "not-a-snapshot.json") }),
    error: ConfigError,
    says: ["TRACKER_MOCK_SEED", "not-a-snapshot.json"],
  },
  {
    name: 'TRACKER_MOCK_SEED="Demo"',
    only: mockOnly,
    run: (w) => open(w, { TRACKER_MOCK_SEED: "Demo" }),
    error: ConfigError,
    says: ["TRACKER_MOCK_SEED", '"demo"'],
  },
];

const options: BadInput[] = [
  {
    name: 'fromEnv("mock")',
    run: () => Tracker.fromEnv(bad("mock")),
    error: ConfigError,
    says: ["fromEnv", "options", "string"],
  },
  {
    name: 'fromEnv({ env: "TRACKER_TYPE=mock" })',
    run: () => Tracker.fromEnv(bad({ env: "TRACKER_TYPE=mock" })),
    error: ConfigError,
    says: ["env", "object"],
  },
  {
    name: "fromEnv({ env: { TRACKER_TYPE: 1 } })",
    run: () => Tracker.fromEnv(bad({ env: { TRACKER_TYPE: 1 } })),
    error: ConfigError,
    says: ["TRACKER_TYPE", "string"],
  },
  {
    name: "fromEnv({ envFile: 42 })",
    run: (w) => Tracker.fromEnv(bad({ env: w.env, envFile: 42 })),
    error: ConfigError,
    says: ["envFile"],
  },
  {
    name: 'fromEnv({ envFile: "missing.env" })',
    run: (w) => Tracker.fromEnv({ env: w.env, envFile: join(dir, "missing.env") }),
    error: ConfigError,
    says: ["missing.env", "envFile"],
  },
  {
    name: "fromEnv({ cwd: 5 })",
    run: (w) => Tracker.fromEnv(bad({ env: w.env, cwd: 5 })),
    error: ConfigError,
    says: ["cwd"],
  },
  {
    name: "fromEnv({ modules: { kitsu: {} } })",
    run: (w) => Tracker.fromEnv(bad({ env: w.env, envFile: false, modules: { kitsu: {}, mock: {} } })),
    error: ConfigError,
    says: ["createAdapter"],
  },
  {
    name: "fromEnv({ envfile: false }): a misspelled option",
    run: (w) => Tracker.fromEnv(bad({ env: w.env, envfile: false })),
    error: ConfigError,
    says: ['"envfile"', "envFile"],
  },
];

corpus("config", [...variables, ...options]);
