/** Request counts, total and per route (`GET /data/projects/:projectId/shots`); the benchmark reads them. */
export class RequestStats {
  total = 0;
  readonly byRoute = new Map<string, number>();

  /** Counts one request of a route. */
  count(route: string): void {
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  /** How many requests hit a route; `route` as `METHOD /pattern`. */
  of(route: string): number {
    return this.byRoute.get(route) ?? 0;
  }

  /** Forgets every count. */
  reset(): void {
    this.total = 0;
    this.byRoute.clear();
  }
}
