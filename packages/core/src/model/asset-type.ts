import { type AssetTypeRecord, assetTypeRecordSchema } from "../schema/production.js";
import { Entity } from "./entity.js";
import { field } from "./metadata.js";

const s = assetTypeRecordSchema.shape;

/** A kind of asset (Character, Prop, Set), studio-wide; projects enable some of them. */
export class AssetType extends Entity<"assetType"> {
  @field(s.shortName) declare shortName: AssetTypeRecord["shortName"];
  @field(s.description) declare description: AssetTypeRecord["description"];
}
