import type { RouteDef } from "./server-context.js";

/*
 * Flask-style routing: segments match literally or as `:param`; literal segments win over
 * parameters (`/data/shots/all` before `/data/shots/:id`). A path known for another method is a
 * 405, an unknown path a 404; a trailing slash is accepted everywhere (strict_slashes=False).
 */

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export type Resolution = { kind: "match"; match: RouteMatch } | { kind: "method-not-allowed" } | { kind: "not-found" };

interface Compiled {
  route: RouteDef;
  segments: string[];
  /** Higher is more specific: literal segments count more than parameters. */
  weight: number;
}

export class Router {
  private readonly routes: Compiled[] = [];

  add(routes: readonly RouteDef[]): void {
    for (const route of routes) {
      const segments = split(route.pattern);
      const weight = segments.reduce((w, s, i) => w + (s.startsWith(":") ? 0 : 2 ** (segments.length - i)), 0);
      this.routes.push({ route, segments, weight });
    }
    this.routes.sort((a, b) => b.weight - a.weight);
  }

  resolve(method: string, path: string): Resolution {
    const parts = split(path);
    let pathKnown = false;
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, parts);
      if (!params) continue;
      if (compiled.route.method === method) return { kind: "match", match: { route: compiled.route, params } };
      pathKnown = true;
    }
    return pathKnown ? { kind: "method-not-allowed" } : { kind: "not-found" };
  }

  /** Every route, for listings. */
  patterns(): string[] {
    return this.routes.map((c) => `${c.route.method} ${c.route.pattern}`);
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return undefined;
  }
  return params;
}
