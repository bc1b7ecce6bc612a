import { randomUUID } from "node:crypto";
import { ZouReadCache } from "./zou-read-cache.js";

/*
 * What Kitsu has and the tracker model lacks, kept by the server: the entity types of temporal
 * entities, project statuses, the organisation, logins, bot token ids, and per-record Kitsu columns
 * (`extras`, e.g. a project's `production_style`, a task's `real_start_date`, an entity's creator).
 */

export const temporalTypes = ["Shot", "Sequence", "Episode", "Scene", "Edit", "Concept"] as const;
export type TemporalType = (typeof temporalTypes)[number];

export interface Login {
  personId: string;
  password: string;
}

export class KitsuState {
  readonly startedAt = new Date();
  readonly entityTypeIds: Record<TemporalType, string>;
  readonly projectStatus = { open: randomUUID(), closed: randomUUID() };
  readonly organisationId = randomUUID();
  /** Lower-cased email or desktop login → login. */
  readonly logins = new Map<string, Login>();
  /** Bot person id → jti of its current token. */
  readonly botTokens = new Map<string, string>();
  /** Public preview id (announced by add-preview) → the tracker's preview id, once uploaded. */
  private readonly trackerByPublic = new Map<string, string>();
  private readonly publicByTracker = new Map<string, string>();
  private readonly extras = new Map<string, Record<string, unknown>>();
  /** Zou's memoized reads of shots and sequences, as far as a client can tell them (zou-read-cache.ts). */
  readonly readCache = new ZouReadCache();

  /** Records that the tracker's preview `trackerId` is known to clients as `publicId`. */
  aliasPreview(publicId: string, trackerId: string): void {
    this.trackerByPublic.set(publicId, trackerId);
    this.publicByTracker.set(trackerId, publicId);
  }

  /** Whether `publicId` names an uploaded preview. */
  hasPreviewAlias(publicId: string): boolean {
    return this.trackerByPublic.has(publicId);
  }

  /** The id clients know a preview by (ids without an alias, and public ids, come back unchanged). */
  publicPreviewId(trackerId: string): string {
    return this.publicByTracker.get(trackerId) ?? trackerId;
  }

  /** `publicPreviewId` for nullable columns. */
  publicPreviewIdOrNull(trackerId: string | null | undefined): string | null {
    return trackerId ? this.publicPreviewId(trackerId) : null;
  }

  /** The tracker's id of a preview known to clients by `publicId`. */
  trackerPreviewId(publicId: string): string {
    return this.trackerByPublic.get(publicId) ?? publicId;
  }

  constructor() {
    this.entityTypeIds = Object.fromEntries(temporalTypes.map((t) => [t, randomUUID()])) as Record<
      TemporalType,
      string
    >;
  }

  temporalTypeOf(entityTypeId: string): TemporalType | undefined {
    return temporalTypes.find((t) => this.entityTypeIds[t] === entityTypeId);
  }

  extra(id: string): Record<string, unknown> {
    return this.extras.get(id) ?? {};
  }

  setExtra(id: string, values: Record<string, unknown>): void {
    this.extras.set(id, { ...this.extra(id), ...values });
  }

  dropExtra(id: string): void {
    this.extras.delete(id);
  }
}
