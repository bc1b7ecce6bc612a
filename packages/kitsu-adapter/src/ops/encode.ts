import type { CustomData } from "@gadget/core/adapter";
import { secondsToMinutes } from "../codec/values.js";

/*
 * Core inputs → Zou bodies. Only keys the caller gave are sent (PUT is partial in Zou); shot frame
 * range and fps go into `data`, where Kitsu keeps them; durations go out as minutes.
 */

type Input = Record<string, unknown>;

const renames: Record<string, string> = {
  shortName: "short_name",
  productionType: "production_type",
  mainPreviewAutomated: "is_set_preview_automated",
  startDate: "start_date",
  endDate: "end_date",
  dueDate: "due_date",
  departmentId: "department_id",
  allowTimelog: "allow_timelog",
  isDefault: "is_default",
  isDone: "is_done",
  isRetake: "is_retake",
  isWip: "is_wip",
  isFeedbackRequest: "is_feedback_request",
  isArtistAllowed: "is_artist_allowed",
  isClientAllowed: "is_client_allowed",
  firstName: "first_name",
  lastName: "last_name",
  desktopLogin: "desktop_login",
  departmentIds: "departments",
  episodeId: "episode_id",
  taskTypeId: "task_type_id",
  forClient: "for_client",
  forEntity: "for_entity",
  nbFrames: "nb_frames",
  validationStatus: "validation_status",
  projectId: "project_id",
  sequenceId: "sequence_id",
  entityId: "entity_id",
  statusId: "task_status_id",
  assigneeIds: "assignees",
};

/** Keys handled by the caller, never copied as they are. */
const special = new Set(["customData", "frameIn", "frameOut", "fps", "estimation", "checklist", "status"]);

export function encodeFields(input: Input): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || special.has(key)) continue;
    out[renames[key] ?? key] = value;
  }
  if (typeof input.estimation === "number") out.estimation = secondsToMinutes(input.estimation);
  return out;
}

/** A project's columns: its fps is a column (a string in Zou, recorded 048), not shot data. */
export function encodeProjectFields(input: Input): Input {
  const out = encodeFields(input);
  if (input.fps !== undefined) out.fps = input.fps === null ? null : String(input.fps);
  return out;
}

/** `data` for an entity: custom data plus, for shots, the frame range Kitsu keeps there. */
export function encodeEntityData(input: Input, withFrames: boolean): CustomData | undefined {
  const data: CustomData = { ...((input.customData as CustomData | undefined) ?? {}) };
  if (withFrames) {
    if (input.frameIn !== undefined) data.frame_in = input.frameIn;
    if (input.frameOut !== undefined) data.frame_out = input.frameOut;
    if (input.fps !== undefined) data.fps = input.fps;
  }
  return Object.keys(data).length > 0 ? data : undefined;
}

/** nb_frames from the range when it is not given (inclusive range, as Kitsu counts). */
export function deriveNbFrames(input: Input): number | null | undefined {
  if (input.nbFrames !== undefined) return input.nbFrames as number | null;
  if (typeof input.frameIn === "number" && typeof input.frameOut === "number")
    return input.frameOut - input.frameIn + 1;
  return undefined;
}
