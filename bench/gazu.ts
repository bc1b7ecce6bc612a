import { execFile } from "node:child_process";
import { copyFile, mkdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** gazu's workloads (bench/gazu/workloads.py), as the bench names them. */
export type GazuWorkload = "w1" | "w2" | "w3" | "w4";

/**
 * The Zou lab's chroot (ZOU_LAB, default ~/zou-lab; see ../shared/zou-lab/README.md), where gazu
 * 1.1.12 is installed: the bench runs bench/gazu/workloads.py there, through the counting proxy.
 */
export interface GazuLab {
  /** Where a file must go to be readable inside the chroot: its host path and its path inside. */
  shared(name: string): { host: string; inside: string };
  /** Runs one workload with gazu; its own wall time, imports and process start left out. */
  run(workload: GazuWorkload, args: { api: string; project: string; preview: string; run: string }): Promise<number>;
}

const inside = "/srv/zoulab/gadget-bench";

/** The lab when it is here and gazu imports there, else `undefined` (with why, for the report). */
export async function findGazuLab(): Promise<{ lab?: GazuLab; why?: string }> {
  const root = join(process.env.ZOU_LAB ?? join(homedir(), "zou-lab"), "trixie");
  const exists = await stat(join(root, "srv/zoulab")).then(
    () => true,
    () => false,
  );
  if (!exists) return { why: `no Zou lab chroot at ${root}` };
  if (process.getuid?.() !== 0) return { why: "the Zou lab's chroot needs root" };
  const dir = join(root, inside);
  await mkdir(dir, { recursive: true });
  const script = join(dir, "workloads.py");
  await copyFile(fileURLToPath(new URL("./gazu/workloads.py", import.meta.url)), script);
  try {
    await run("chroot", [root, "python3", "-c", "import gazu"]);
  } catch (error) {
    return { why: `gazu does not import in ${root}: ${(error as Error).message.split("\n")[0]}` };
  }
  return {
    lab: {
      shared: (name) => ({ host: join(dir, name), inside: `${inside}/${name}` }),
      async run(workload, args) {
        const { stdout } = await run(
          "chroot",
          [root, "python3", `${inside}/workloads.py`, args.api, args.project, workload, args.preview, args.run],
          { maxBuffer: 1 << 20 },
        );
        const last = stdout.trim().split("\n").at(-1) ?? "";
        return (JSON.parse(last) as { ms: number }).ms;
      },
    },
  };
}
