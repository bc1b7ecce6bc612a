import type { DepartmentRecord, PersonRecord } from "@gadget/core/adapter";
import type { KitsuState } from "../state.js";
import { dataOrNull, naive } from "./common.js";

/* Person, department and organisation rows as Zou serializes them (recorded 001, 021, 030, 246). */

const personDefaults = {
  phone: null,
  country: null,
  contract_type: "open-ended",
  archived: false,
  last_presence: null,
  totp_enabled: false,
  email_otp_enabled: false,
  fido_enabled: false,
  preferred_two_factor_authentication: null,
  shotgun_id: null,
  timezone: "Europe/Paris",
  locale: "en_US",
  use_12_hour_clock: false,
  display_date_format: "YYYY-MM-DD",
  position: "artist",
  seniority: "mid",
  daily_salary: 0,
  has_avatar: false,
  notifications_enabled: false,
  notifications_slack_enabled: false,
  notifications_slack_userid: "",
  notifications_mattermost_enabled: false,
  notifications_mattermost_userid: "",
  notifications_discord_enabled: false,
  notifications_discord_userid: "",
  is_guest: false,
  expiration_date: null,
  is_generated_from_ldap: false,
  ldap_uid: null,
  studio_id: null,
};

/** Person columns Kitsu has and the model lacks; stored in the server's extras. */
export const personExtraKeys = Object.keys(personDefaults);

export function person(p: PersonRecord, state: KitsuState, relations: boolean): Record<string, unknown> {
  return {
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email,
    active: p.active,
    desktop_login: p.desktopLogin,
    data: dataOrNull(p.customData),
    role: p.role,
    is_bot: p.isBot,
    ...personDefaults,
    ...state.extra(p.id),
    departments: relations ? p.departmentIds : null,
    full_name: `${p.firstName} ${p.lastName}`.trim(),
    id: p.id,
    created_at: naive(p.createdAt),
    updated_at: naive(p.updatedAt),
    type: "Person",
  };
}

/** What a non-admin may see of another person (recorded 246). */
export function personPublic(p: PersonRecord): Record<string, unknown> {
  return {
    id: p.id,
    type: "Person",
    first_name: p.firstName,
    last_name: p.lastName,
    full_name: `${p.firstName} ${p.lastName}`.trim(),
    has_avatar: false,
    active: p.active,
    departments: p.departmentIds,
    studio_id: null,
    role: p.role,
    desktop_login: p.desktopLogin,
    is_bot: p.isBot,
  };
}

export function department(d: DepartmentRecord): Record<string, unknown> {
  return {
    name: d.name,
    color: d.color,
    archived: false,
    id: d.id,
    created_at: naive(d.createdAt),
    updated_at: naive(d.updatedAt),
    type: "Department",
  };
}

/** Chat tokens are secrets: only admins get them (recorded 001 vs 046). */
export function organisation(state: KitsuState, admin: boolean): Record<string, unknown> {
  const secrets = admin ? { chat_token_slack: "", chat_webhook_mattermost: "", chat_token_discord: "" } : {};
  return {
    name: "Kitsu",
    hours_by_day: 8,
    has_avatar: false,
    use_original_file_name: false,
    timesheets_locked: false,
    format_duration_in_hours: false,
    hd_by_default: false,
    ...secrets,
    dark_theme_by_default: false,
    id: state.organisationId,
    created_at: naive(state.startedAt),
    updated_at: naive(state.startedAt),
    type: "Organisation",
  };
}
