import { Project } from "../deps.js";
import { fromEnvOptions, previewFile } from "../target.js";
import { publishByNames } from "../td-scripts.js";
const preview = await previewFile();
const env = { TRACKER_URL: "http://127.0.0.1:8080/api", TRACKER_LOGIN: "admin@example.com", TRACKER_PASSWORD: "mysecretpassword", TRACKER_PROJECT: process.argv[2] };
const open = () => Project.fromEnv(fromEnvOptions(env));
// warm-up
await (await publishByNames(open, preview)).project.tracker.close();
const inspector = await import("node:inspector/promises");
const session = new inspector.Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const times: number[] = [];
for (let i = 0; i < 6; i++) {
  const s = performance.now();
  const { project } = await publishByNames(open, preview);
  times.push(performance.now() - s);
  await project.tracker.close();
}
const { profile } = await session.post("Profiler.stop");
const { writeFile } = await import("node:fs/promises");
await writeFile("/tmp/w1b/prof3/w1.cpuprofile", JSON.stringify(profile));
console.log(times.map((t) => t.toFixed(0)).join(" "));
