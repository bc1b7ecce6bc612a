import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { TrackerAdapter } from "../adapter/contract.js";
import type { AdapterModule, AdapterOptions } from "../adapter/factory.js";
import { ConfigError } from "../errors.js";
import type { TrackerConfig, TrackerType } from "./tracker-config.js";

/*
 * Turns a validated config into an adapter. Core never imports an adapter package statically (the
 * dependency points the other way), so the package is imported by name at run time.
 */

/** The package that implements each tracker type. */
export const adapterPackages: Readonly<Record<TrackerType, string>> = {
  kitsu: "@gadget/kitsu-adapter",
  mock: "@gadget/mock-tracker",
};

/** Every `TRACKER_TYPE` core knows, in the order messages list them. */
export const knownTrackerTypes: readonly TrackerType[] = ["kitsu", "mock"];

/** Adapter modules by tracker type, to use instead of importing the packages (tests, bundles). */
export type AdapterModules = Partial<Record<TrackerType, AdapterModule>>;

/** Loads a module by name; a seam so that the import-error translation can be tested without a broken install. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

/**
 * Where the application's own packages are: its main script, then the working directory. Core does
 * not depend on the adapters (they depend on it), so under a strict layout (pnpm without hoisting, a
 * globally installed tool) an adapter may be reachable from the application only.
 */
const applicationBases = (): string[] => [
  ...(process.argv[1] ? [process.argv[1]] : []),
  join(process.cwd(), "package.json"),
];

/** Imports `specifier` as the application would resolve it; undefined when no base reaches it. */
export async function importFromApplication(
  specifier: string,
  bases: readonly string[] = applicationBases(),
): Promise<unknown> {
  for (const base of bases) {
    let resolved: string;
    try {
      resolved = createRequire(base).resolve(specifier);
    } catch {
      continue;
    }
    return import(pathToFileURL(resolved).href);
  }
  return undefined;
}

const importByName: ModuleImporter = async (specifier) => {
  try {
    return await import(specifier);
  } catch (error) {
    if (!isMissingPackageError(error, specifier)) throw error;
    const loaded = await importFromApplication(specifier);
    if (loaded === undefined) throw error;
    return loaded;
  }
};

/** True when an import failed because the package (not something inside it) is not installed. */
export function isMissingPackageError(error: unknown, pkg: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { message } = error as { message?: unknown };
  if (typeof message !== "string") return false;
  // An installed adapter that fails to import one of its own dependencies must surface as it is: its
  // message names the adapter too ("imported from .../@gadget/kitsu-adapter/..."), so only the
  // quoted name of the missing package counts.
  return message.includes(`Cannot find package '${pkg}'`) || message.includes(`Cannot find module '${pkg}'`);
}

function isAdapterModule(value: unknown): value is AdapterModule {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { createAdapter?: unknown }).createAdapter === "function"
  );
}

/** Imports an adapter package and checks its shape; import failures become ConfigErrors. */
export async function importAdapterModule(
  type: string,
  pkg: string,
  importer: ModuleImporter = importByName,
): Promise<AdapterModule> {
  let loaded: unknown;
  try {
    loaded = await importer(pkg);
  } catch (error) {
    if (isMissingPackageError(error, pkg)) throw ConfigError.missingAdapterPackage(type, pkg, error);
    throw error;
  }
  if (!isAdapterModule(loaded)) throw ConfigError.notAnAdapterPackage(type, pkg);
  return loaded;
}

/**
 * Creates the adapter for `config.type`: from `modules` when it has one for that type, else from the
 * adapter package (`kitsu` → @gadget/kitsu-adapter, `mock` → @gadget/mock-tracker). `options` go to
 * the adapter's `createAdapter` (the request logger).
 *
 * @example
 * const adapter = await loadAdapter(readTrackerConfig());
 * @example
 * // tests: no package lookup
 * const adapter = await loadAdapter({ type: "mock", seed: "demo" }, { mock: { createAdapter: async () => new MockTracker() } });
 */
export async function loadAdapter(
  config: TrackerConfig,
  modules?: AdapterModules,
  options: AdapterOptions = {},
): Promise<TrackerAdapter> {
  const injected = modules?.[config.type];
  const pkg = adapterPackages[config.type];
  if (pkg === undefined && injected === undefined) throw ConfigError.unknownTrackerType(config.type, knownTrackerTypes);
  if (injected !== undefined && !isAdapterModule(injected)) throw ConfigError.notAnAdapterPackage(config.type, pkg);
  const module = injected ?? (await importAdapterModule(config.type, pkg));
  return module.createAdapter(config, options);
}
