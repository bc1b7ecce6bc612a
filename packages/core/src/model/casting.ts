import { z } from "zod";
import type { RefInput } from "../collections/query.js";
import { checkSameProject, resolveRef } from "../collections/resolve.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { eachItem, exampleFor, parseObject, requireList } from "../input-shape.js";
import type { CastingLink } from "../schema/casting.js";
import { textSchema } from "../schema/common.js";
import type { Asset } from "./asset.js";
import { projectIdOf } from "./children.js";
import type { AnyEntity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import type { TaskEntity } from "./types.js";

/** One asset cast in a shot (or an asset). */
/** One asset cast in a shot (or the shot an asset is cast in), with how many times. */
export interface CastingEntry {
  asset: Asset;
  occurrences: number;
  label: string;
}

/** One line of `shot.casting.set([...])`: an asset and how many times it appears. */
export interface CastingInput {
  /**
   * The asset: its name (in the project), id, or the Asset.
   *
   * @example
   * asset: "Hero"
   */
  asset: RefInput<Asset>;
  /**
   * How many times the asset appears in the shot (a crowd of the same extra).
   *
   * @default 1
   * @example
   * occurrences: 3
   */
  occurrences?: number;
  /**
   * Free text Kitsu shows next to the asset in the casting (`fixed`, `animate`, ...).
   *
   * @default ""
   * @example
   * label: "animate"
   */
  label?: string;
}

const castingEntrySchema = z.strictObject({
  asset: z.custom<RefInput>((value) => value !== undefined && value !== null, {
    message: "expected the asset: its name, its id or the Asset",
  }),
  occurrences: z.number().int().positive().optional(),
  label: textSchema.optional(),
});

/** Where an asset is cast. */
export interface CastInEntry {
  entity: TaskEntity;
  occurrences: number;
  label: string;
}

async function withAssets(owner: AnyEntity, links: readonly CastingLink[]): Promise<CastingEntry[]> {
  const assets = await contextOf(owner).loadMany(
    "asset",
    links.map((l) => l.assetId),
  );
  return links.flatMap((link) => {
    const asset = assets.find((a) => a.id === link.assetId);
    return asset ? [{ asset, occurrences: link.occurrences, label: link.label }] : [];
  });
}

/**
 * The casting of a shot or asset: the assets it uses. It is `shot.casting` (or `asset.casting`),
 * on trackers with the `casting` capability.
 *
 * @example
 * for (const { asset, occurrences } of await shot.casting.get()) console.log(asset.name, occurrences);
 */
export class CastingAccessor {
  /** @internal */
  constructor(private readonly owner: AnyEntity) {}

  /** The assets cast, with their occurrences. */
  async get(): Promise<CastingEntry[]> {
    const context = contextOf(this.owner);
    context.require("casting");
    return withAssets(this.owner, await context.adapter.getCasting(this.owner.id));
  }

  /**
   * Replaces the whole casting with `entries` (an empty list clears it). Every entry is checked
   * first: each asset exists, is of the owner's project, is listed once, and is not the owner.
   *
   * @example
   * await shot.casting.set([{ asset: hero, occurrences: 2 }, { asset: "Forest" }]);
   */
  async set(entries: readonly CastingInput[]): Promise<CastingEntry[]> {
    const context = contextOf(this.owner);
    context.require("casting");
    const where = `${this.owner.kind}.casting.set`;
    requireList(entries, where, '[{ asset: "Fox", occurrences: 2 }]');
    const projectId = projectIdOf(this.owner);
    const links: CastingLink[] = await eachItem(entries, where, async (entry) => {
      const { asset, occurrences, label } = parseObject(
        castingEntrySchema,
        entry,
        "A casting entry",
        exampleFor(entry, "asset"),
      );
      const assetId = await resolveRef(context, "asset", asset as RefInput<Asset>, where, projectId);
      return { assetId, occurrences: occurrences ?? 1, label: label ?? "" };
    });
    const assets = await context.loadMany(
      "asset",
      links.map((l) => l.assetId),
    );
    const seen = new Set<string>();
    for (const link of links) {
      const asset = assets.find((a) => a.id === link.assetId);
      if (!asset) throw NotFoundError.reference(where, "asset", link.assetId);
      checkSameProject(context, asset, projectId);
      if (asset.id === this.owner.id) throw ValidationError.selfReference("cast in", `Asset "${asset.name}"`);
      if (seen.has(asset.id)) throw ValidationError.listedTwice(where, `asset "${asset.name}"`);
      seen.add(asset.id);
    }
    return withAssets(this.owner, await context.adapter.setCasting(this.owner.id, links));
  }
}

/** Where an asset is cast: the shots (or assets, episodes) that use it. */
export async function castInOf(asset: Asset): Promise<CastInEntry[]> {
  const context = contextOf(asset);
  context.require("casting");
  const links = await context.adapter.castIn(asset.id);
  const out: CastInEntry[] = [];
  for (const link of links) {
    const entity = await context.load(link.entityKind, link.entityId);
    out.push({ entity, occurrences: link.occurrences, label: link.label });
  }
  return out;
}
