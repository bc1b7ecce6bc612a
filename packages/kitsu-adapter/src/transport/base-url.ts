import { ConfigError } from "@gadget/core/adapter";

export interface KitsuUrls {
  /** API base ending in `/api` (no trailing slash). */
  api: string;
  /** Scheme + host + port, where socket.io lives. */
  origin: string;
}

/** Accepts the server's origin or its `/api` URL (core's config appends `/api`; code may not). */
export function resolveUrls(url: string): KitsuUrls {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ConfigError.invalidVariable(
      "TRACKER_URL",
      `"${url}" is not a URL`,
      "Set it to https://kitsu.example.com/api",
    );
  }
  const path = parsed.pathname.replace(/\/+$/, "");
  const apiPath = path.endsWith("/api") ? path : `${path}/api`;
  return { api: `${parsed.origin}${apiPath}`, origin: parsed.origin };
}
