import { type AssetTypeRecord, assetTypeRecordSchema } from "../schema/production.js";
import { Entity } from "./entity.js";
import { field } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";

const s = assetTypeRecordSchema.shape;

/**
 * A kind of asset (Character, Prop, Set), studio-wide; projects enable some of them. From
 * `tracker.assetTypes` (the studio's), `project.assetTypes` (those the project enables; `new()`
 * there creates one and enables it) or `asset.assetType()`.
 *
 * @example
 * const chars = await film.assetTypes.new({ name: "Character" });
 */
@entity("assetType")
export class AssetType extends Entity<"assetType"> {
  @field(s.shortName) declare shortName: AssetTypeRecord["shortName"];
  @field(s.description) declare description: AssetTypeRecord["description"];
}
