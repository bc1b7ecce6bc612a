import { isTrackerError, type Person, type Tracker } from "@gadget/core";

/*
 * What a session knows about who it is: the config (type, URL, login) and the person it acts as
 * (`tracker.whoami()`: the user logged in, the bot, or the mock tracker's session person).
 */

/** The person a session is logged in as. */
export interface SessionPerson {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
}

/** Who and where a session is, without secrets. */
export interface SessionInfo {
  /** `kitsu` or `mock`. */
  type: string;
  /** The API URL (Kitsu), which never carries credentials (config refuses them). */
  url: string | null;
  /** How the session logged in. */
  auth: "login" | "bot token" | null;
  /** The login the session was opened with. */
  login: string | null;
  /** TRACKER_PROJECT, when set. */
  project: string | null;
  /** The person the tracker says is logged in, when it tells. */
  person: SessionPerson | null;
}

/** Asks the tracker who the session acts as (`tracker.whoami()`); a tracker that cannot tell gives null. */
async function loggedInPerson(tracker: Tracker): Promise<SessionPerson | null> {
  let person: Person;
  try {
    person = await tracker.whoami();
  } catch (error) {
    if (isTrackerError(error) && error.code === "UNSUPPORTED") return null;
    throw error;
  }
  const name = `${person.firstName} ${person.lastName}`.trim() || person.name;
  return { id: person.id, name, email: person.email ?? null, role: person.role ?? null };
}

/** What the session knows about itself. */
export async function sessionInfo(tracker: Tracker): Promise<SessionInfo> {
  const config = tracker.config;
  const kitsu = config?.type === "kitsu" ? config : undefined;
  return {
    type: config?.type ?? tracker.adapter.name,
    url: kitsu?.url ?? null,
    auth: kitsu ? (kitsu.token ? "bot token" : "login") : null,
    login: kitsu?.login ?? null,
    project: config?.project ?? null,
    person: await loggedInPerson(tracker),
  };
}
