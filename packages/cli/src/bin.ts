#!/usr/bin/env node
import { run } from "./program.js";

// `gadget tasks | head`: once the reader has gone, stop quietly as Unix tools do, not with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv);
