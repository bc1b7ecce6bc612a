import { type Asset, NotFoundError, type Project, type Sequence, type Shot } from "@gadget/core";

/*
 * How the command line names shots and assets: `sq010/sh020` is shot sh020 of sequence sq010; a
 * name without a slash is an asset, or a shot whose name is unique in the project.
 */

/** `sq010/sh020`: a shot as the command line names it. */
export function shotPath(sequence: Pick<Sequence, "name"> | undefined, shot: Pick<Shot, "name">): string {
  return sequence ? `${sequence.name}/${shot.name}` : shot.name;
}

/** The shot (`sq010/sh020`, or a unique shot name) or asset (`Hero`) a command line argument names. */
export async function findShotOrAsset(project: Project, name: string): Promise<Shot | Asset> {
  const slash = name.lastIndexOf("/");
  if (slash > 0) {
    return project.shots.get({ sequence: name.slice(0, slash), name: name.slice(slash + 1) });
  }
  const found = (await project.assets.find({ name })) ?? (await project.shots.find({ name }));
  if (found) return found;
  throw NotFoundError.query("shot or asset", { name }, `project "${project.name}"`);
}

/** Sequences by id, to name shots `sequence/shot`. */
export async function sequencesById(project: Project): Promise<Map<string, Sequence>> {
  return new Map((await project.sequences.all()).map((s) => [s.id, s]));
}
