import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Person, type Project, type Task, Tracker } from "@gadget/core";
import { type CustomActionRequest, createCustomActionHandler } from "@gadget/core/custom-actions";
import { createAdapter } from "@gadget/kitsu-adapter";
import { demoTracker } from "@gadget/mock-tracker";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";

/*
 * A custom action served over 127.0.0.1 on the demo studio, through the mock tracker or the Kitsu
 * adapter and the Kitsu-compatible server, with the records a post names: the team's tasks, a
 * team member, a person off the team, a task of another project.
 */

/** The origin the tests' "Kitsu web UI" posts from. */
export const kitsuOrigin = "http://kitsu.test:8080";

export interface Backend {
  name: string;
  open(): Promise<{ tracker: Tracker; close(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: "mock",
    open: async () => {
      const tracker = Tracker.connect(demoTracker());
      return { tracker, close: () => tracker.close() };
    },
  },
  {
    name: "kitsu (test server)",
    open: async () => {
      const server = await startKitsuServer({ tracker: demoTracker() });
      const adapter = await createAdapter({
        type: "kitsu",
        url: server.url,
        login: "admin@example.com",
        password: "mysecretpassword",
      });
      const tracker = Tracker.connect(adapter);
      return {
        tracker,
        close: async () => {
          await tracker.close();
          await server.close();
        },
      };
    },
  },
];

export interface ActionStudio {
  tracker: Tracker;
  project: Project;
  tasks: Task[];
  member: Person;
  outsider: Person;
  foreignTask: Task;
  /** What the handler received, one entry per run. */
  runs: { tasks: string[]; entities: string[]; person: string; project: string; ajax: boolean }[];
  /** The action's URL on 127.0.0.1. */
  url: string;
  close(): Promise<void>;
}

export async function openActionStudio(backend: Backend): Promise<ActionStudio> {
  const { tracker, close } = await backend.open();
  const project = await tracker.projects.get({ name: "Bunny Escape" });
  const shots = (await project.shots.all()).slice(0, 2);
  const tasks = await Promise.all(shots.map(async (shot) => (await shot.tasks.all())[0] as Task));
  const team = await project.team.all();
  const member = team.find((p) => p.role === "user" && p.email) as Person;
  const suffix = randomUUID().slice(0, 8);
  const outsider = await tracker.persons.new({
    firstName: "Outside",
    lastName: suffix,
    email: `outside-${suffix}@example.com`,
  });
  const other = await tracker.projects.new({ name: `Other ${suffix}`, productionType: "short" });
  const taskType = await tasks[0]?.taskType();
  if (!taskType) throw new Error("the demo's shot has no task");
  const shot = await (await other.sequences.new({ name: "sq01" })).shots.new({ name: "sh01" });
  const foreignTask = await shot.tasks.new({ taskType });

  const runs: ActionStudio["runs"] = [];
  const handler = createCustomActionHandler({
    tracker,
    origin: kitsuOrigin,
    maxBodyBytes: 16 * 1024,
    handle: async (action: CustomActionRequest) => {
      runs.push({
        tasks: (await action.tasks()).map((t) => t.id),
        entities: (await action.entities()).map((e) => e.id),
        person: (await action.person()).id,
        project: (await action.project()).id,
        ajax: action.ajax,
      });
      return { message: `Published ${(await action.tasks()).length} task(s).` };
    },
    onError: () => undefined,
  });
  const server: Server = createServer(handler.node);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/publish`;
  return {
    tracker,
    project,
    tasks,
    member,
    outsider,
    foreignTask,
    runs,
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

/** Kitsu's form post (a form action): its field names, the selection comma-separated. */
export function formBody(fields: {
  person: PostingPerson;
  email?: string;
  project: Project;
  selection: string[];
}): string {
  return new URLSearchParams({
    personid: fields.person.id,
    personemail: fields.email ?? fields.person.email ?? "",
    projectid: fields.project.id,
    currentpath: `/productions/${fields.project.id}/shots`,
    currentserver: "kitsu.test:8080",
    selection: fields.selection.join(","),
    entitytype: "shot",
  }).toString();
}

/** Kitsu's AJAX post: its other field names, the selection as an array. */
export function jsonBody(fields: {
  person: PostingPerson;
  email?: string;
  project: Project;
  selection: string[];
}): string {
  return JSON.stringify({
    entitytype: "shot",
    originurl: `/productions/${fields.project.id}/shots`,
    originserver: "kitsu.test:8080",
    selection: fields.selection,
    productionid: fields.project.id,
    userid: fields.person.id,
    useremail: fields.email ?? fields.person.email,
  });
}

export const form = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };
export const json = { "content-type": "application/json", accept: "application/json" };

/** Who a post says clicked: a Person, or a made-up id and e-mail. */
export type PostingPerson = { readonly id: string; readonly email: string | null };
