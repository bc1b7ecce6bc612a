import { AuthError, type PersonRecord, redact } from "@gadget/core/adapter";
import { decodePerson } from "../codec/people.js";
import type { KitsuClient } from "../transport/client.js";

/*
 * The session's own lifecycle on Zou: who it is (`GET auth/authenticated`, which answers for a
 * user and a bot alike), resuming from saved tokens, and logging out (`GET auth/logout` revokes the
 * access token and the refresh token it was issued with; recorded 017–020, 024).
 */

/** The person the session's token belongs to. */
export async function whoami(client: KitsuClient): Promise<PersonRecord> {
  const answer = await client.request<{ user?: unknown }>({ method: "GET", path: "auth/authenticated" });
  return decodePerson(answer?.user);
}

/**
 * Checks saved tokens: an expired access token is refreshed on the way (transport), and tokens
 * Zou refuses (logged out, refresh token expired) give way to a login with the password, or to an
 * AuthError that says the saved tokens are dead when the session has no password.
 */
export async function resume(client: KitsuClient): Promise<void> {
  try {
    await client.request({ method: "GET", path: "auth/authenticated" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (!client.auth.canLogin) throw AuthError.tokensExpired({ method: "GET", path: "/auth/authenticated" }, error);
    client.auth.clear();
    await client.auth.accessToken();
  }
}

/**
 * Logs a user session out; a bot token and a session that never logged in have nothing to revoke.
 * The tokens are forgotten whatever Zou answers, so a second close sends nothing; what fails is
 * handed to `report`, never thrown: the script is ending either way.
 */
export async function logout(client: KitsuClient, report: (error: unknown) => void): Promise<void> {
  if (!client.auth.hasUserSession) return;
  try {
    await client.request({ method: "GET", path: "auth/logout" });
  } catch (error) {
    // Refused tokens (revoked by another logout, expired for good) have nothing left to revoke.
    if (!(error instanceof AuthError)) report(error);
  } finally {
    client.auth.clear();
  }
}

/** The default report of a failed logout: one line on stderr, tokens redacted. */
export function logLogoutError(error: unknown, log: (line: string) => void = console.error): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log(`[gadget kitsu] logout at close() failed, the session's tokens may stay valid: ${redact(message)}`);
}
