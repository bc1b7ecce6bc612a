import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TrackerConfig } from "@gadget/core";
import { ConfigError } from "@gadget/core";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import {
  adapterPackages,
  importAdapterModule,
  importFromApplication,
  isMissingPackageError,
  knownTrackerTypes,
  loadAdapter,
} from "../../packages/core/src/config/registry.js";

/** What a module receives; the adapter itself is never used by these tests, so a sentinel object stands in. */
function recordingModule() {
  const seen: TrackerConfig[] = [];
  const adapter = { name: "injected" } as Pick<TrackerAdapter, "name">;
  return {
    seen,
    adapter,
    module: {
      createAdapter: async (config: TrackerConfig) => {
        seen.push(config);
        return adapter as TrackerAdapter;
      },
    },
  };
}

const missingPackage = (pkg: string) =>
  Object.assign(
    new Error(`Cannot find package '${pkg}' imported from /work/main/packages/core/src/config/registry.ts`),
    {
      code: "ERR_MODULE_NOT_FOUND",
    },
  );

describe("loadAdapter", () => {
  it("uses the injected module for the config's type and passes it the config", async () => {
    const { seen, adapter, module } = recordingModule();
    const config: TrackerConfig = { type: "kitsu", url: "http://127.0.0.1:1/api", token: "t" };
    await expect(loadAdapter(config, { kitsu: module })).resolves.toBe(adapter);
    expect(seen).toEqual([config]);
  });

  it("imports the package of the type when no module is injected", async () => {
    const { seen, adapter, module } = recordingModule();
    const imported: string[] = [];
    const loaded = await importAdapterModule("mock", adapterPackages.mock, async (name) => {
      imported.push(name);
      return module;
    });
    expect(imported).toEqual(["@gadget/mock-tracker"]);
    await expect(loaded.createAdapter({ type: "mock" })).resolves.toBe(adapter);
    expect(seen).toEqual([{ type: "mock" }]);
  });

  it("imports @gadget/mock-tracker for TRACKER_TYPE=mock", async () => {
    const adapter = await loadAdapter({ type: "mock" });
    expect(adapter.name).toBe("mock");
    expect(adapter.capabilities.events).toBe(true);
    await adapter.close();
  });

  it("knows kitsu and mock, each with its package", () => {
    expect(knownTrackerTypes).toEqual(["kitsu", "mock"]);
    expect(adapterPackages).toEqual({ kitsu: "@gadget/kitsu-adapter", mock: "@gadget/mock-tracker" });
  });
});

describe("importAdapterModule", () => {
  it("turns a missing package into a ConfigError naming the package", async () => {
    const cause = missingPackage("@gadget/other-adapter");
    const error = await importAdapterModule("other", "@gadget/other-adapter", () => Promise.reject(cause)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("TRACKER_TYPE");
    expect((error as ConfigError).message).toContain("pnpm add @gadget/other-adapter");
    expect((error as ConfigError).cause).toBe(cause);
  });

  it("translates the error of a real import of a package that is not installed", async () => {
    const pkg = "@gadget/not-installed-adapter";
    const error = await importAdapterModule("other", pkg).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(pkg);
  });

  it("lets through the failure of a dependency of an installed adapter", async () => {
    const inner = missingPackage("socket.io-client");
    const error = await importAdapterModule("kitsu", adapterPackages.kitsu, () => Promise.reject(inner)).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(inner);
  });

  it("refuses a package without createAdapter", async () => {
    const error = await importAdapterModule("mock", adapterPackages.mock, async () => ({
      MockTracker: class {},
    })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain("does not export createAdapter");
  });
});

describe("isMissingPackageError", () => {
  it.each([
    [{ code: "ERR_MODULE_NOT_FOUND", message: "Cannot find package '@gadget/x' imported from /a.js" }, true],
    [{ code: "MODULE_NOT_FOUND", message: "Cannot find module '@gadget/x'" }, true],
    [new Error("Cannot find package '@gadget/x' imported from /a.js"), true],
    [{ code: "ERR_MODULE_NOT_FOUND", message: "Cannot find package 'ky' imported from /x/@gadget/y/a.js" }, false],
    [new SyntaxError("Unexpected token"), false],
    // regression: a dependency missing inside the adapter was reported as the adapter missing
    [{ code: "ERR_MODULE_NOT_FOUND", message: "Cannot find package 'ky' imported from /n/@gadget/x/dist/a.js" }, false],
    ["Cannot find package '@gadget/x'", false],
  ])("%o → %s", (error, expected) => {
    expect(isMissingPackageError(error, "@gadget/x")).toBe(expected);
  });
});

describe("importFromApplication", () => {
  it("finds an adapter package the application has when core cannot reach it (strict layouts)", async () => {
    const app = await mkdtemp(join(tmpdir(), "gadget-app-"));
    const pkg = join(app, "node_modules", "@studio", "tracker-adapter");
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, "package.json"), JSON.stringify({ name: "@studio/tracker-adapter", main: "index.mjs" }));
    await writeFile(join(pkg, "index.mjs"), "export const createAdapter = async () => ({ name: 'studio' });\n");
    const loaded = (await importFromApplication("@studio/tracker-adapter", [
      join(app, "missing", "script.mjs"),
      join(app, "package.json"),
    ])) as { createAdapter?: unknown };
    expect(typeof loaded.createAdapter).toBe("function");
  });

  it("answers undefined when no base reaches the package, so the original import error stands", async () => {
    const app = await mkdtemp(join(tmpdir(), "gadget-app-"));
    expect(await importFromApplication("@studio/not-installed", [join(app, "package.json")])).toBeUndefined();
  });
});
