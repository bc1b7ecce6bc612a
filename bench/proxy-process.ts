/**
 * The counting proxy (counting-proxy.ts) in a process of its own, so that holding and piping
 * requests never competes with the client being measured. argv[2] is the tracker's URL; the
 * proxy's URL goes to the parent over IPC.
 */
import { startCountingProxy } from "./counting-proxy.js";
import type { ChildReady } from "./fork.js";

async function main(): Promise<void> {
  const upstream = process.argv[2];
  if (!upstream) throw new Error("usage: proxy-process.ts <tracker URL>");
  const proxy = await startCountingProxy(upstream);
  process.once("disconnect", () => {
    void proxy.close().finally(() => process.exit(0));
  });
  const ready: ChildReady = { url: proxy.url };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
