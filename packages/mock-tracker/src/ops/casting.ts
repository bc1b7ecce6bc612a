import type { CastIn, CastingLink, Id } from "@gadget/core/adapter";
import { ValidationError } from "@gadget/core/adapter";
import type { Studio } from "../studio/studio.js";

const copyLinks = (links: readonly CastingLink[]): CastingLink[] => links.map((l) => ({ ...l }));

export function getCasting(studio: Studio, entityId: Id): CastingLink[] {
  studio.requireEntity(entityId);
  return copyLinks(studio.casting.get(entityId) ?? []);
}

/** Replaces the whole casting of an entity; only assets can be cast. Emits `<kind>:casting-update`. */
export function setCasting(studio: Studio, entityId: Id, links: readonly CastingLink[]): CastingLink[] {
  const { kind, row } = studio.requireEntity(entityId);
  const seen = new Set<Id>();
  for (const [i, link] of links.entries()) {
    const castKind = studio.entityKindOf(link.assetId);
    if (!castKind) studio.require("asset", link.assetId);
    if (castKind !== "asset") {
      throw new ValidationError(
        `Casting entry ${i} is a ${castKind}, and only assets can be cast. Pass asset ids in the casting of ${kind} "${row.name}".`,
        [{ path: [i, "assetId"], message: "not an asset" }],
      );
    }
    if (!Number.isInteger(link.occurrences) || link.occurrences < 1) {
      throw new ValidationError(`Casting entry ${i} has ${link.occurrences} occurrences; use a positive integer.`, [
        { path: [i, "occurrences"], message: "not a positive integer" },
      ]);
    }
    if (seen.has(link.assetId)) {
      throw new ValidationError(`Casting entry ${i} lists asset ${link.assetId} a second time; list each asset once.`, [
        { path: [i, "assetId"], message: "duplicate asset" },
      ]);
    }
    seen.add(link.assetId);
  }
  const before = new Set((studio.casting.get(entityId) ?? []).map((l) => l.assetId));
  for (const assetId of before) studio.castIn.get(assetId)?.delete(entityId);
  const stored = links.map((l) => ({ assetId: l.assetId, occurrences: l.occurrences, label: l.label ?? "" }));
  if (stored.length > 0) studio.casting.set(entityId, stored);
  else studio.casting.delete(entityId);
  for (const { assetId } of stored) {
    let set = studio.castIn.get(assetId);
    if (!set) {
      set = new Set();
      studio.castIn.set(assetId, set);
    }
    set.add(entityId);
  }
  // Zou sends both lists sorted by id (breakdown_service.update_casting).
  studio.emit(`${kind}:casting-update`, entityId, row.projectId, {
    [`${kind}Id`]: entityId,
    nbEntitiesOut: stored.length,
    addedAssetIds: stored
      .map((l) => l.assetId)
      .filter((id) => !before.has(id))
      .sort(),
    removedAssetIds: [...before].filter((id) => !seen.has(id)).sort(),
  });
  return copyLinks(stored);
}

/** Code-point order, nulls last (as PostgreSQL sorts a missing episode). */
const byKey = (a: readonly (string | null)[], b: readonly (string | null)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * Where an asset is cast, as Zou lists it (breakdown_service.get_cast_in): shots by episode,
 * sequence and shot name, then assets by asset type and name; canceled entities left out.
 */
export function castIn(studio: Studio, assetId: Id): CastIn[] {
  studio.require("asset", assetId);
  const ranked: { key: (string | null)[]; cast: CastIn }[] = [];
  for (const entityId of studio.castIn.get(assetId) ?? []) {
    const entityKind = studio.entityKindOf(entityId);
    const link = studio.casting.get(entityId)?.find((l) => l.assetId === assetId);
    // Casting is kept on shots, assets, sequences and episodes only.
    if (!entityKind || !link || entityKind === "edit" || entityKind === "concept" || entityKind === "scene") continue;
    const cast = { entityId, entityKind, occurrences: link.occurrences, label: link.label };
    const shot = entityKind === "shot" ? studio.table("shot").get(entityId) : undefined;
    const asset = entityKind === "asset" ? studio.table("asset").get(entityId) : undefined;
    if (shot && !shot.canceled) {
      const sequence = studio.table("sequence").get(shot.sequenceId);
      const episode = sequence?.episodeId ? studio.table("episode").get(sequence.episodeId) : undefined;
      ranked.push({ key: ["0", episode?.name ?? null, sequence?.name ?? null, shot.name], cast });
    } else if (asset && !asset.canceled) {
      const type = studio.table("assetType").get(asset.assetTypeId);
      ranked.push({ key: ["1", type?.name ?? null, asset.name], cast });
    } else if (!shot && !asset) {
      ranked.push({ key: ["2"], cast });
    }
  }
  return ranked.sort((a, b) => byKey(a.key, b.key)).map((r) => r.cast);
}

/** Forgets an entity's casting and every casting it appears in (it is being deleted). */
export function dropFromCasting(studio: Studio, id: Id): void {
  for (const link of studio.casting.get(id) ?? []) studio.castIn.get(link.assetId)?.delete(id);
  studio.casting.delete(id);
  for (const entityId of studio.castIn.get(id) ?? []) {
    const remaining = (studio.casting.get(entityId) ?? []).filter((l) => l.assetId !== id);
    if (remaining.length > 0) studio.casting.set(entityId, remaining);
    else studio.casting.delete(entityId);
  }
  studio.castIn.delete(id);
}
