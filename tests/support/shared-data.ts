import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Where tests find data that lives outside their own package: the facts about the real Kitsu server
 * (`shared/kitsu/`: routes, openapi.json, recorded Zou answers), which CI and developers have beside
 * the clone, never inside it; and the differential tester's recordings, inside the repository. One
 * helper, found relative to the repository, so that no test names a path of one machine.
 */

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no pnpm-workspace.yaml above ${from}: is this file inside the repository?`);
  }
}

/** The repository's root: the folder holding pnpm-workspace.yaml. */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * `shared/` beside the clone, where CI lays it; `GADGET_SHARED` points elsewhere (a checkout whose
 * shared/ lives apart).
 */
export const sharedDir = process.env.GADGET_SHARED ?? resolve(repoRoot, "..", "shared");

/** Facts about the real Kitsu server: `routes.tsv`, `openapi.json`, `zou.md`, `recorded/`. */
export const kitsuFactsDir = join(sharedDir, "kitsu");

/** Zou 1.0.67's recorded exchanges, one JSON file per case (`160-shots-with-tasks.json`). */
export const recordedDir = join(kitsuFactsDir, "recorded");

/** False where shared/ is absent: tests that read it say they were skipped. */
export const hasShared = existsSync(recordedDir);

/** The differential tester's recorded runs on a real Zou (`tests/differential/recorded/<run>/`). */
export const differentialRecordedDir = join(repoRoot, "tests", "differential", "recorded");
