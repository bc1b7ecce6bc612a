import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRouteTemplates } from "../src/routes.js";
import { hasShared, sharedKitsu } from "./recorded.js";

/** `{project_id}` and `{projectId}` name the same slot: compare shapes only. */
const shape = (template: string) => template.replace(/\{[^}]+\}/g, "{}").replace(/\/+$/, "");

describe.skipIf(!hasShared)("route drift against Zou's OpenAPI", () => {
  it("every route the adapter can call exists in openapi.json with that method", () => {
    const spec = JSON.parse(readFileSync(join(sharedKitsu, "openapi.json"), "utf8")) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const known = new Map<string, Set<string>>();
    for (const [p, item] of Object.entries(spec.paths)) {
      const methods = known.get(shape(p)) ?? new Set<string>();
      for (const m of Object.keys(item)) methods.add(m.toUpperCase());
      known.set(shape(p), methods);
    }
    const missing = allRouteTemplates()
      .filter((r) => !known.get(shape(r.template))?.has(r.method))
      .map((r) => `${r.method} ${r.template}`);
    expect(missing).toEqual([]);
  });
});
