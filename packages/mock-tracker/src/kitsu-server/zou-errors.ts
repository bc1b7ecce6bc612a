/*
 * Zou's error bodies (zou.md §5, recorded/). JWT-layer errors use `msg`, the app uses `message`,
 * integrity errors have no `error` key: the split is what clients key on, so it is kept exactly.
 * `ZouFailure` is the server's own control flow: a route throws it to answer with that status and
 * body; it never leaves the server.
 */

export type ZouBody = Record<string, unknown>;

export class ZouFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ZouBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Zou answers ${status}`);
  }
}

const NOT_FOUND =
  "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.";
const FORBIDDEN =
  "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.";

export const zou = {
  notFound: () => new ZouFailure(404, { error: true, message: NOT_FOUND }),
  methodNotAllowed: () =>
    new ZouFailure(405, { error: true, message: "The method is not allowed for the requested URL." }),
  forbidden: () => new ZouFailure(403, { error: true, message: FORBIDDEN }),
  /** `WrongParameterException`: `{error, message, data}`. */
  wrongParameter: (message: string, data: unknown = null) => new ZouFailure(400, { error: true, message, data }),
  malformedId: () => new ZouFailure(400, { error: true, message: "Malformed ID.", data: null }),
  /** BadRequest-type domain errors: `{error, message}` without `data`. */
  badRequest: (message: string) => new ZouFailure(400, { error: true, message }),
  /** Integrity errors of crud create/update: `{message}` only. */
  integrity: (message: string) => new ZouFailure(400, { message }),
  duplicate: () => new ZouFailure(400, { message: "A record with the same unique values already exists." }),
  missingField: () => new ZouFailure(400, { message: "A required field is missing." }),
  validation: (errors: { field: string; message: string }[]) =>
    new ZouFailure(400, { error: true, message: "Validation error.", data: { errors } }),
  unsupportedMediaType: () =>
    new ZouFailure(415, {
      error: true,
      message: "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.",
    }),
  emptyData: () =>
    new ZouFailure(400, {
      message: "Data are empty. Please verify that you sent JSON data and that you set the right headers.",
    }),
  browserBadRequest: () =>
    new ZouFailure(400, {
      error: true,
      message: "The browser (or proxy) sent a request that this server could not understand.",
    }),
  internal: () => new ZouFailure(500, { error: true, message: "Internal server error." }),
  /** flask-jwt-extended errors (`msg` key). */
  jwt: (status: 401 | 422, msg: string) => new ZouFailure(status, { msg }),
  expired: () => new ZouFailure(401, { error: true, message: "Signature has expired" }),
};

export const missingJwtMessage =
  'Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; Missing Authorization Header)';
