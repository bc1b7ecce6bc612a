/*
 * HTTP-level fault injection: the next N requests matching a method and path answer a status with
 * a Zou-like body, drop the connection, or wait first. `latencyMs` delays every request, to
 * simulate a network.
 */

/** A fault the Kitsu-compatible server answers instead of the route: a status, a dropped connection or a delay. */
export interface FaultRule {
  /** Method to match; any when absent. */
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /**
   * Path under `/api`; a string matches exactly, with `*` for one segment and `**` for any rest.
   *
   * @example "/data/projects/*\/shots"
   */
  path: string | RegExp;
  /** Status to answer (e.g. 503, 429). */
  status?: number;
  /** Body to answer; Zou's generic error body for the status when absent. */
  body?: unknown;
  /** `Retry-After` header, in seconds (429, 503). */
  retryAfterSeconds?: number;
  /** Destroy the socket without an answer. */
  drop?: boolean;
  /** Wait this long before answering (or before handling normally, when no status or drop is set). */
  delayMs?: number;
  /**
   * How many matching requests the fault applies to.
   *
   * @default 1
   */
  times?: number;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  regex: RegExp;
}

const statusText: Record<number, string> = {
  429: "Too Many Requests",
  500: "Internal server error.",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function toRegex(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const escaped = path
    .replace(/\/+$/, "")
    .split("/")
    .map((s) => (s === "**" ? ".*" : s === "*" ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}

/** HTTP fault injection of the Kitsu-compatible server (`server.faults`): rules matched by method and path. */
export class FaultInjector {
  /**
   * Delay added to every request, in milliseconds.
   *
   * @default 0
   */
  latencyMs: number;
  private rules: ActiveRule[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  /** Adds a rule; rules apply in the order they were added. */
  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? 1, regex: toRegex(rule.path) });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** How many injected faults have not fired yet. */
  get pending(): number {
    return this.rules.reduce((n, r) => n + r.remaining, 0);
  }

  /** The rule for this request, consumed. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method === method) && r.regex.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }

  /** The body Zou sends with an error status, for a rule that gives none. */
  static bodyFor(status: number): unknown {
    return { error: true, message: statusText[status] ?? `HTTP ${status}` };
  }
}
