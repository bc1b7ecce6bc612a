import { isTrackerError, NetworkError, type RequestInfo, TimeoutError, type TrackerError } from "@gadget/core/adapter";
import { isHTTPError, isTimeoutError } from "ky";
import { type ErrorBody, parseErrorBody, retryAfterMs } from "./error-body.js";
import { mapHttpError } from "./map-error.js";
import { readText } from "./read-body.js";

/** What is known about a request when one of its attempts fails. */
export interface AttemptInfo {
  /** The full URL, for messages. */
  url: string;
  request: RequestInfo;
  /** The per-attempt timeout and the option that sets it, for a TimeoutError that names the fix. */
  timeout: number;
  timeoutOption: "timeout" | "transferTimeout";
  /** The session holds a bot token, which cannot be refreshed. */
  bot: boolean;
  /** Milliseconds left to read an error answer's body. */
  remaining(): number;
}

/** A non-2xx answer: its body as Zou wrote it, and the typed error it means. */
export async function answerFailure(
  response: Response,
  request: RequestInfo,
  bot: boolean,
  ms: number,
): Promise<{ body: ErrorBody; failure: TrackerError }> {
  const body = parseErrorBody((await readText(response, ms).catch(() => "")) ?? "");
  const failure = mapHttpError({ ...request, status: response.status }, body, {
    bot,
    retryAfterMs: retryAfterMs(response.headers),
  });
  return { body, failure };
}

/**
 * Turns what a failed attempt threw (ky's HTTPError or TimeoutError, a socket error) into the
 * TrackerError the request throws. The same error gives the same answer: an error answer's body is
 * read once, whether the retry policy or the caller asks first.
 */
export function attemptFailures(info: AttemptInfo): (error: unknown) => Promise<TrackerError> {
  const known = new WeakMap<object, Promise<TrackerError>>();
  return (error) => {
    if (typeof error !== "object" || error === null) return describe(info, error);
    let failure = known.get(error);
    if (!failure) {
      failure = describe(info, error);
      known.set(error, failure);
    }
    return failure;
  };
}

async function describe(info: AttemptInfo, error: unknown): Promise<TrackerError> {
  if (isTrackerError(error)) return error;
  if (isHTTPError(error))
    return (await answerFailure(error.response, info.request, info.bot, info.remaining())).failure;
  if (isTimeoutError(error)) return TimeoutError.request(info.request, info.timeout, info.timeoutOption);
  return NetworkError.unreachable(info.url, networkCause(error), info.request);
}

/** Node's fetch hides the socket error in `cause`; name it instead of the vague "fetch failed". */
export function networkCause(error: unknown): unknown {
  if (error instanceof Error && error.cause instanceof Error) {
    const code = (error.cause as Error & { code?: string }).code;
    return new Error(code ? `${code} (${error.cause.message})` : error.cause.message, { cause: error });
  }
  return error;
}
