import type { CreateData, Id } from "@gadget/core/adapter";
import { kinds } from "@gadget/core/adapter";
import { builders } from "../ops/build.js";
import { createRow } from "../ops/crud.js";
import type { Studio } from "../studio/studio.js";

/*
 * What a fresh Kitsu holds once installed: the rows `zou init-data` creates for the default "3d"
 * domain (Zou 1.0.67, zou/app/utils/commands.py: init_data, _init_task_types_for_domain,
 * _init_asset_types_for_domain; recorded 027–032) and the admin `zou create-admin` makes. The
 * concept statuses (`for_concept: true`: Neutral, Approved, Rejected) are left out, as the Kitsu
 * adapter leaves them out when it reads them (a task of any kind starts at the studio's default
 * status, which Gadget sends). Order and values are Zou's.
 */

/** The default login of a fresh Kitsu (`zou create-admin admin@example.com`): "Super Admin". */
export const freshKitsuAdmin = {
  firstName: "Super",
  lastName: "Admin",
  email: "admin@example.com",
  password: "mysecretpassword",
} as const;

export const freshKitsuDepartments: readonly CreateData<"department">[] = [
  { name: "Modeling", color: "#78909C" },
  { name: "Animation", color: "#009688" },
  { name: "FX", color: "#26C6DA" },
  { name: "Compositing", color: "#F06292" },
  { name: "Concept", color: "#8D6E63" },
  { name: "Layout", color: "#7CB342" },
];

/** Task types with the name of their department; `forEntity` is Zou's `for_entity`. */
export const freshKitsuTaskTypes: readonly (Omit<CreateData<"taskType">, "departmentId"> & { department: string })[] = [
  // Two "Concept" types, for concept entities (listed first by Zou, recorded 027) and for assets:
  // init-data writes the second to the database directly, past the name check of Zou's task type
  // route (which refuses it through the API).
  { name: "Concept", color: "#8D6E63", priority: 1, forEntity: "concept", department: "Concept" },
  { name: "Concept", color: "#8D6E63", priority: 1, forEntity: "asset", department: "Concept" },
  { name: "Modeling", color: "#78909C", priority: 2, forEntity: "asset", department: "Modeling" },
  { name: "Shading", color: "#64B5F6", priority: 3, forEntity: "asset", department: "Modeling" },
  { name: "Rigging", color: "#9CCC65", priority: 4, forEntity: "asset", department: "Animation" },
  { name: "Storyboard", color: "#43A047", priority: 1, forEntity: "shot", department: "Concept" },
  { name: "Layout", color: "#7CB342", priority: 2, forEntity: "shot", department: "Layout" },
  { name: "Animation", color: "#009688", priority: 3, forEntity: "shot", department: "Animation" },
  { name: "Lighting", color: "#F9A825", priority: 4, forEntity: "shot", department: "Compositing" },
  { name: "FX", color: "#26C6DA", priority: 5, forEntity: "shot", department: "FX" },
  { name: "Rendering", color: "#F06292", priority: 6, forEntity: "shot", department: "Compositing" },
  { name: "Compositing", color: "#ff5252", priority: 7, forEntity: "shot", department: "Compositing" },
  { name: "Edit", color: "#9b298c", priority: 8, forEntity: "edit", department: "Compositing" },
];

export const freshKitsuTaskStatuses: readonly CreateData<"taskStatus">[] = [
  { name: "Todo", shortName: "todo", color: "#f5f5f5", isDefault: true },
  { name: "Work In Progress", shortName: "wip", color: "#3273dc", isWip: true },
  { name: "Waiting For Approval", shortName: "wfa", color: "#ab26ff", isFeedbackRequest: true },
  { name: "Retake", shortName: "retake", color: "#ff3860", isRetake: true },
  { name: "Done", shortName: "done", color: "#22d160", isDone: true },
  { name: "Ready To Start", shortName: "ready", color: "#fbc02d" },
];

export const freshKitsuAssetTypes: readonly CreateData<"assetType">[] = [
  { name: "Character" },
  { name: "Prop" },
  { name: "Environment" },
  { name: "FX" },
];

/** A task type init-data writes to the database directly, past the API's name check. */
export function insertInitDataTaskType(studio: Studio, input: CreateData<"taskType">): void {
  const data = kinds.taskType.create.parse(input);
  const now = studio.now();
  studio.insertChecked("taskType", {
    id: studio.newId(),
    createdAt: now,
    updatedAt: now,
    customData: {},
    ...builders.taskType(studio, data),
  });
}

/**
 * Fills an empty studio with what a fresh Kitsu holds, without events (nobody listens yet), and
 * makes the admin the person the session acts as.
 */
export function seedFreshKitsu(studio: Studio): void {
  const wasSilent = studio.silent;
  studio.silent = true;
  try {
    const departments = new Map<string, Id>();
    for (const d of freshKitsuDepartments) departments.set(d.name, createRow(studio, "department", d).id);
    for (const { department, ...t } of freshKitsuTaskTypes) {
      const input = { ...t, departmentId: departments.get(department) ?? null };
      if (studio.table("taskType").lookup("name", t.name).size === 0) createRow(studio, "taskType", input);
      else insertInitDataTaskType(studio, input);
    }
    for (const s of freshKitsuTaskStatuses) createRow(studio, "taskStatus", s);
    for (const a of freshKitsuAssetTypes) createRow(studio, "assetType", a);
    const { password: _password, ...admin } = freshKitsuAdmin;
    studio.sessionPersonId = createRow(studio, "person", { ...admin, role: "admin" }).id;
  } finally {
    studio.silent = wasSilent;
  }
}
