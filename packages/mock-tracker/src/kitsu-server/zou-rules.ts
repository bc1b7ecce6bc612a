import { type RuleOverrides, rulesOf } from "@gadget/core/adapter";

/**
 * Where Zou 1.0.67 itself accepts what Gadget's rules refuse (rules.ts): the server imitates Zou,
 * so its default tracker follows these. Zou's unique constraints treat null as distinct, as SQL
 * does: an asset's entity_uc has a null parent, so a duplicate asset is created (recorded 080),
 * though a rename onto an existing asset is refused by Zou's own check (recorded 091); and a
 * playlist without episode may repeat a name.
 */
export const zouRules: RuleOverrides = {
  asset: { unique: [{ fields: ["projectId", "assetTypeId", "name"], onCreate: false }] },
  playlist: { unique: [{ fields: ["projectId", "episodeId", "name"], nullsDistinct: true }] },
};

/** The rules the server's own Zou checks read, whatever tracker it serves. */
export const zouRuleTable = rulesOf({ rules: zouRules });
