import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isTrackerError, PermissionError, ValidationError } from "../errors.js";
import type { Tracker } from "../session/tracker.js";
import { CustomActionRequest } from "./action.js";
import { BodyProblem, bodyEncoding, parseBody, readCapped, streamChunks } from "./body.js";
import type { CustomActionHandlerOptions } from "./options.js";
import { htmlPage, resultText } from "./page.js";
import { customActionPayloadSchema } from "./payload.js";

/** A custom action server's two faces: a `node:http` listener and a fetch-style handler. */
export interface CustomActionHandler {
  /** For `http.createServer(handler.node)` (or express, which takes the same signature). */
  node(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** For fetch-style servers (Deno, Bun, Hono, a service worker): a Request in, a Response out. */
  fetch(request: Request): Promise<Response>;
}

/** A request as the handler reads it, from either face. */
interface Incoming {
  method: string;
  /** The request's URL or path with its query (`/publish?key=…`). */
  url: string;
  header(name: string): string | undefined;
  body: AsyncIterable<Uint8Array> | null;
}

/** An answer, before either face writes it. */
interface Outgoing {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const defaultMaxBody = 64 * 1024;

/**
 * Serves a Kitsu custom action: parses the post (JSON from an AJAX action, form-encoded from a form
 * action), checks it through the session (the person exists, is active, has the e-mail posted and
 * works on the project; every selected id is a task of the project: a forged or foreign post gets
 * 403, a malformed one 400), runs `handle`, and answers JSON to an AJAX action or a small HTML page
 * to a form action. Answers the CORS preflight of the Kitsu origin; only POST and OPTIONS.
 *
 * @example
 * import { createServer } from "node:http";
 * const handler = createCustomActionHandler({
 *   connect: () => Tracker.fromEnv(),
 *   handle: async (action) => ({ message: `${(await action.tasks()).length} tasks` }),
 * });
 * createServer(handler.node).listen(8000);
 */
export function createCustomActionHandler<R>(options: CustomActionHandlerOptions<R>): CustomActionHandler {
  if (typeof options?.handle !== "function") throw ValidationError.notAFunction("options.handle", options?.handle);
  if (Boolean(options.tracker) === Boolean(options.connect))
    throw ValidationError.invalidOption(
      "tracker / connect",
      undefined,
      "exactly one of them: a Tracker, or a function that opens one",
    );
  if (options.key !== undefined && (typeof options.key !== "string" || options.key.length < 8))
    throw ValidationError.invalidOption("key", "(hidden)", "a secret string of at least 8 characters");
  const maxBody = options.maxBodyBytes ?? defaultMaxBody;
  if (!Number.isInteger(maxBody) || maxBody <= 0)
    throw ValidationError.invalidOption("maxBodyBytes", options.maxBodyBytes, "a whole number of bytes above 0");
  const session = sessionOf(options);
  const onError = options.onError ?? ((error: unknown) => process.stderr.write(`custom action: ${describe(error)}\n`));

  const respond = async (req: Incoming): Promise<Outgoing> => {
    const tracker = await session().catch((error: unknown) => error as Error);
    const allowed =
      tracker instanceof Error ? allowedOrigins(options.origin, undefined) : allowedOrigins(options.origin, tracker);
    const origin = req.header("origin");
    const cors: Record<string, string> =
      origin !== undefined && allowed.has(origin)
        ? { "access-control-allow-origin": origin, vary: "Origin" }
        : { vary: "Origin" };
    const wantsJson = prefersJson(req);
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}): Outgoing =>
      answer(wantsJson, status, { ...cors, ...extra }, { ok: false, error: { code, message } }, () =>
        htmlPage("The action did not run", [message], true),
      );

    const refused = (error: PermissionError) => fail(403, error.code, error.message);

    if (req.method === "OPTIONS") {
      if (origin !== undefined && !allowed.has(origin)) return refused(foreignOrigin(origin));
      return {
        status: 204,
        headers: {
          ...cors,
          allow: "POST, OPTIONS",
          "access-control-allow-methods": "POST, OPTIONS",
          "access-control-allow-headers": "Content-Type",
          "access-control-max-age": "600",
        },
        body: "",
      };
    }
    if (req.method !== "POST")
      return fail(405, "METHOD", `A custom action takes POST (and OPTIONS), not ${req.method}.`, {
        allow: "POST, OPTIONS",
      });
    if (options.key !== undefined && !keyMatches(req.url, options.key))
      return refused(
        PermissionError.customActionRefused(
          "the URL does not carry the action's key",
          "Register the action in Kitsu with the URL's ?key=… the handler was given.",
        ),
      );
    if (origin !== undefined && !allowed.has(origin)) return refused(foreignOrigin(origin));

    let fields: Record<string, unknown>;
    let ajax: boolean;
    try {
      const encoding = bodyEncoding(req.header("content-type"));
      ajax = encoding === "json";
      fields = parseBody(await readCapped(req.body, maxBody, req.header("content-length")), encoding);
    } catch (error) {
      if (error instanceof BodyProblem) return fail(error.status, "BODY", error.message);
      throw error;
    }
    const payload = customActionPayloadSchema.safeParse(fields);
    if (!payload.success) {
      const error = ValidationError.fromZod("custom action payload", payload.error);
      return fail(400, error.code, error.message);
    }
    if (tracker instanceof Error) {
      onError(tracker);
      return fail(503, "UNAVAILABLE", "The tracker session could not be opened; try again in a moment.");
    }
    let action: CustomActionRequest;
    try {
      action = await CustomActionRequest.resolve(tracker, payload.data, ajax);
    } catch (error) {
      if (error instanceof PermissionError) return refused(error);
      onError(error);
      return fail(
        502,
        isTrackerError(error) ? error.code : "TRACKER",
        `The tracker could not check the post: ${describe(error)}`,
      );
    }
    let result: R;
    try {
      result = await options.handle(action);
    } catch (error) {
      onError(error);
      return fail(
        500,
        isTrackerError(error) ? error.code : "ACTION",
        isTrackerError(error) ? error.message : "The action failed; the server's log says why.",
      );
    }
    if (ajax || wantsJson) return answer(true, 200, cors, { ok: true, result: result ?? null }, () => "");
    const page = options.page
      ? options.page(result, action)
      : htmlPage("Done", [resultText(result, payload.data.selection.length)]);
    return { status: 200, headers: { ...cors, "content-type": "text/html; charset=utf-8" }, body: page };
  };

  const safely = async (req: Incoming): Promise<Outgoing> => {
    try {
      return await respond(req);
    } catch (error) {
      onError(error);
      return answer(
        prefersJson(req),
        500,
        {},
        { ok: false, error: { code: "INTERNAL", message: "The custom action handler failed." } },
        () => htmlPage("The action did not run", ["The custom action handler failed."], true),
      );
    }
  };

  return {
    async node(req, res) {
      const out = await safely({
        method: (req.method ?? "GET").toUpperCase(),
        url: req.url ?? "/",
        header: (name) => {
          const value = req.headers[name];
          return Array.isArray(value) ? value.join(", ") : value;
        },
        body: req,
      });
      res.writeHead(out.status, { ...out.headers, "content-length": String(Buffer.byteLength(out.body)) });
      res.end(out.body);
      // A body left unread (413, 415, 405) is drained, so the connection can be reused or closed.
      if (!req.readableEnded) req.resume();
    },
    async fetch(request) {
      const out = await safely({
        method: request.method.toUpperCase(),
        url: request.url,
        header: (name) => request.headers.get(name) ?? undefined,
        body: request.body ? streamChunks(request.body) : null,
      });
      return new Response(out.status === 204 ? null : out.body, { status: out.status, headers: out.headers });
    },
  };
}

const foreignOrigin = (origin: string) =>
  PermissionError.customActionRefused(
    `a page of ${origin} may not post to this action`,
    "Add Kitsu's origin to the handler's origin option.",
  );

/** Whether the URL's `key` parameter is the key (compared in constant time: a timing must not tell how much of it matched). */
function keyMatches(url: string, key: string): boolean {
  const given = new URL(url, "http://localhost").searchParams.get("key");
  if (given === null) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(key));
}

/** The session, opened once by `connect` (again after a failure), or the one given. */
function sessionOf<R>(options: CustomActionHandlerOptions<R>): () => Promise<Tracker> {
  const given = options.tracker;
  if (given) return async () => given;
  const connect = options.connect as () => Promise<Tracker>;
  let opening: Promise<Tracker> | undefined;
  return () => {
    opening ??= connect().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}

/** The origins allowed: the option's, or the Kitsu URL's origin. */
function allowedOrigins(option: string | readonly string[] | undefined, tracker: Tracker | undefined): Set<string> {
  if (option !== undefined) return new Set((typeof option === "string" ? [option] : option).map(originOf));
  const url = (tracker?.config as { url?: unknown } | undefined)?.url;
  return new Set(typeof url === "string" ? [originOf(url)] : []);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw ValidationError.invalidOption("origin", url, 'an origin such as "https://kitsu.studio.example"');
  }
}

/** A JSON body (AJAX) or the fallback's HTML page. */
function answer(
  json: boolean,
  status: number,
  headers: Record<string, string>,
  value: unknown,
  html: () => string,
): Outgoing {
  if (json)
    return {
      status,
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(value),
    };
  return { status, headers: { ...headers, "content-type": "text/html; charset=utf-8" }, body: html() };
}

/** JSON for a JSON post, or a client that asks for JSON rather than HTML. */
function prefersJson(req: Incoming): boolean {
  const type = (req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) return true;
  const accept = (req.header("accept") ?? "").toLowerCase();
  return accept.includes("application/json") && !accept.includes("text/html");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
