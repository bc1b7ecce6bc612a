import type { Tracker } from "../session/tracker.js";
import type { CustomActionRequest } from "./action.js";

/** Options of `createCustomActionHandler()`. Give `tracker` or `connect`, not both. */
export interface CustomActionHandlerOptions<R = unknown> {
  /**
   * The session that resolves and checks each post (its identity map is shared by every request).
   *
   * @default undefined (then `connect` is required)
   * @example
   * tracker: await Tracker.fromEnv()
   */
  tracker?: Tracker;
  /**
   * Opens the session at the first post instead (a server that starts before the tracker answers);
   * called again after it failed, never twice at once.
   *
   * @default undefined (then `tracker` is required)
   * @example
   * connect: () => Tracker.fromEnv()
   */
  connect?: () => Promise<Tracker>;
  /**
   * Runs the action, once the post is checked. Its result is the JSON answer of an AJAX action,
   * and the text of a form action's page (a string, or an object's `message`). What it throws is
   * answered 500 with its message when it is a Gadget error, a generic one otherwise.
   *
   * @example
   * handle: async (action) => ({ message: `${(await action.tasks()).length} tasks published` })
   */
  handle: (action: CustomActionRequest) => Promise<R> | R;
  /**
   * Origins of the Kitsu web UI allowed to post (CORS preflight, and the `Origin` a browser
   * sends): a post from a page of another origin is refused with 403. A request without `Origin`
   * (a script, curl) is not a browser's and is let through to the checks.
   *
   * @default the origin of the session's `TRACKER_URL` (Kitsu serves its UI and API together); none without one
   * @example
   * origin: ["https://kitsu.studio.example", "http://localhost:8080"]
   */
  origin?: string | readonly string[];
  /**
   * A secret the action's URL carries as `?key=…` (register the action in Kitsu with it): a post
   * without it, or with another, is refused with 403 before anything else is read. Kitsu's post
   * carries no credential, so this is what keeps a post from outside the studio's Kitsu out.
   *
   * @default undefined (no key asked)
   * @example
   * key: process.env.ACTION_KEY
   */
  key?: string;
  /**
   * Largest body accepted; a bigger one is answered 413 without being read (Kitsu's post is a
   * few hundred bytes, plus 37 per selected task).
   *
   * @default 65536
   * @example
   * maxBodyBytes: 256 * 1024
   */
  maxBodyBytes?: number;
  /**
   * The HTML page of a form action (non-AJAX), in place of the default one.
   *
   * @default a page saying the result's `message`
   * @example
   * page: (result, action) => `<p>Done: ${action.payload.selection.length} tasks</p>`
   */
  page?: (result: R, action: CustomActionRequest) => string;
  /**
   * Where failures nobody else sees go (a handler that threw, a tracker that did not answer).
   *
   * @default one line on stderr
   * @example
   * onError: (error) => console.error(error)
   */
  onError?: (error: unknown) => void;
}
