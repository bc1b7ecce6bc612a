import type { Id, Kind } from "@gadget/core";
import { ConflictError } from "@gadget/core";
import type { Studio } from "../studio/studio.js";
import { fieldOf } from "../studio/table.js";

/**
 * Where a name must be unique, as Kitsu enforces it: shots per sequence, sequences per episode
 * (or project), episodes, assets and playlists per project; projects, asset types, task types,
 * task statuses and departments studio-wide. Persons, tasks and reviews have no unique name.
 */
export const scopeKeys: Partial<Record<Kind, readonly string[]>> = {
  project: [],
  assetType: [],
  taskType: [],
  taskStatus: [],
  department: [],
  episode: ["projectId"],
  sequence: ["projectId", "episodeId"],
  shot: ["sequenceId"],
  asset: ["projectId"],
  playlist: ["projectId", "episodeId"],
};

function describeScope(studio: Studio, kind: Kind, row: object): string {
  if (kind === "shot") return `sequence "${studio.find("sequence", fieldOf(row, "sequenceId") as Id)?.name}"`;
  const keys = scopeKeys[kind] ?? [];
  if (keys.length === 0) return "the studio";
  const project = studio.find("project", fieldOf(row, "projectId") as Id);
  const episodeId = fieldOf(row, "episodeId");
  const episode = typeof episodeId === "string" ? studio.find("episode", episodeId as Id) : undefined;
  return episode && keys.includes("episodeId")
    ? `episode "${episode.name}" of project "${project?.name}"`
    : `project "${project?.name}"`;
}

/** Throws ConflictError when another record of `kind` in the same scope as `row` has its name. */
export function assertUniqueName(studio: Studio, kind: Kind, row: { name: string }, selfId?: Id): void {
  if (!scopeKeys[kind]) return;
  for (const id of studio.table(kind).sameScopedName(row)) {
    if (id !== selfId) throw ConflictError.duplicateName(kind, row.name, describeScope(studio, kind, row));
  }
}

/** Task status short names are unique studio-wide too. */
export function assertUniqueShortName(studio: Studio, shortName: string, selfId?: Id): void {
  for (const status of studio.table("taskStatus").values()) {
    if (status.id !== selfId && status.shortName === shortName) {
      throw ConflictError.duplicateName("task status short name", shortName, "the studio");
    }
  }
}

export function assertUniqueEmail(studio: Studio, email: string | null | undefined, selfId?: Id): void {
  if (!email) return;
  const lower = email.toLowerCase();
  for (const person of studio.table("person").values()) {
    if (person.id !== selfId && !person.isBot && person.email?.toLowerCase() === lower) {
      throw ConflictError.duplicate(`A person with the email ${email}`);
    }
  }
}
