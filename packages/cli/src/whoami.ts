import { isTrackerError, type Tracker } from "@gadget/core";

/*
 * What a session knows about who it is, without API core does not have yet: the config (type, URL,
 * login) and, when the adapter has a raw client that answers Zou's `auth/authenticated`, the person
 * logged in. The mock tracker has no login.
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

interface ZouAuthenticated {
  user?: { id?: string; full_name?: string; first_name?: string; last_name?: string; email?: string; role?: string };
}

/** Asks the tracker who is logged in: Zou's `auth/authenticated`, through the raw client. */
async function loggedInPerson(tracker: Tracker): Promise<SessionPerson | null> {
  if (!tracker.adapter.raw) return null;
  let answer: ZouAuthenticated | undefined;
  try {
    answer = await tracker.raw.get<ZouAuthenticated>("auth/authenticated");
  } catch (error) {
    // A raw client that does not serve Zou's route (another tracker) simply does not tell.
    if (isTrackerError(error) && (error.code === "NOT_FOUND" || error.code === "UNSUPPORTED")) return null;
    throw error;
  }
  const user = answer?.user;
  if (!user?.id) return null;
  const name = user.full_name ?? [user.first_name, user.last_name].filter(Boolean).join(" ");
  return { id: user.id, name, email: user.email ?? null, role: user.role ?? null };
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
