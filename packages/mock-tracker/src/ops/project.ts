import type { Id } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";

type ProjectList = "team" | "taskTypeIds" | "taskStatusIds" | "assetTypeIds";

function editList(studio: Studio, projectId: Id, list: ProjectList, id: Id, add: boolean): Stored<"project"> {
  const project = studio.require("project", projectId);
  const has = project[list].includes(id);
  if (add !== has) {
    const next = add ? [...project[list], id] : project[list].filter((x) => x !== id);
    studio.table("project").patch(projectId, { [list]: next, updatedAt: studio.now() });
    // Zou sends project:update with only the project id for team and settings changes.
    studio.emit("project:update", projectId, projectId, { projectId });
  }
  return project;
}

export function addTeamMember(studio: Studio, projectId: Id, personId: Id): Stored<"project"> {
  studio.require("project", projectId);
  studio.require("person", personId);
  return editList(studio, projectId, "team", personId, true);
}

export function removeTeamMember(studio: Studio, projectId: Id, personId: Id): Stored<"project"> {
  studio.require("project", projectId);
  studio.require("person", personId);
  return editList(studio, projectId, "team", personId, false);
}

const listOf = { taskType: "taskTypeIds", taskStatus: "taskStatusIds", assetType: "assetTypeIds" } as const;

export function addToProject(
  studio: Studio,
  projectId: Id,
  kind: "taskType" | "taskStatus" | "assetType",
  id: Id,
): Stored<"project"> {
  studio.require("project", projectId);
  studio.require(kind, id);
  return editList(studio, projectId, listOf[kind], id, true);
}
