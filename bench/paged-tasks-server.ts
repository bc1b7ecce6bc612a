/**
 * The Kitsu-compatible server in a process of its own, behind a front that answers the task list of
 * the "Tasks <n>" projects with n made-up Zou task rows, page by page, built on the fly: the server
 * holds no row and pays the same for page 1 and page 10,000, so the client is what the memory
 * workload measures. Everything else (login, context, projects, task types) goes to the Kitsu
 * server. argv[2..] are the task counts; the front's URL goes to the parent over IPC.
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { MockTracker, startKitsuServer } from "./deps.js";
import { type RowOwners, tasksProjectName, zouTaskRows } from "./zou-task-rows.js";

export interface PagedTasksReady {
  url: string;
}

async function main(): Promise<void> {
  const counts = process.argv.slice(2).map(Number);
  const tracker = new MockTracker({ seed: 7 });
  const kitsu = await startKitsuServer({ tracker });
  const types = (await tracker.query("taskType", {})).items.filter((t) => t.forShots).slice(0, 3);
  const [status] = (await tracker.query("taskStatus", {})).items;
  if (types.length < 3 || !status) throw new Error("the mock seed has no 3 shot task types and a status");
  const projects = new Map<string, { count: number; owners: RowOwners }>();
  for (const count of counts) {
    const project = await tracker.create("project", { name: tasksProjectName(count), productionType: "short" });
    const taskTypeIds = types.map((t) => t.id) as unknown as RowOwners["taskTypeIds"];
    projects.set(project.id, { count, owners: { projectId: project.id, taskTypeIds, taskStatusId: status.id } });
  }
  const target = new URL(kitsu.url);

  const front = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://front");
    const project = projects.get(url.searchParams.get("project_id") ?? "");
    if (req.method === "GET" && url.pathname === "/api/data/tasks" && project && url.searchParams.has("page")) {
      const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
      const limit = Math.max(1, Number(url.searchParams.get("limit")) || 100);
      const offset = (page - 1) * limit;
      const data = zouTaskRows(offset, Math.max(0, Math.min(limit, project.count - offset)), project.owners);
      const nbPages = Math.ceil(project.count / limit);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data, total: project.count, nb_pages: nbPages, limit, offset, page }));
      return;
    }
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  // An orphan would hold its port and keep running: leave with the parent.
  process.once("disconnect", () => {
    front.close();
    void kitsu.close().finally(() => process.exit(0));
  });
  const ready: PagedTasksReady = { url: `http://127.0.0.1:${(front.address() as AddressInfo).port}/api` };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
