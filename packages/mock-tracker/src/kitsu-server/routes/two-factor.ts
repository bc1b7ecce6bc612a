import { asId } from "@gadget/core/adapter";
import { ok, type RouteDef, type ServerContext, type ZouReply, type ZouRequest } from "../server-context.js";
import { MissingOtp, type SecondFactorInput, type TwoFactorStore, twoFactorOf } from "../two-factor.js";
import { zou } from "../zou-errors.js";
import { findOr404 } from "./helpers.js";

/*
 * Zou's 2FA setup routes (zou/app/blueprints/auth/resources.py: TOTPResource, EmailOTPResource,
 * RecoveryCodesResource): PUT pre-enables, POST enables with a code (and answers the first recovery
 * codes with a fresh token pair), DELETE disables after a second-factor check. Answers as Zou words them.
 */

const fail = (message: string, wrongOtp = false): ZouReply => ({
  status: 400,
  json: wrongOtp ? { error: true, message, wrong_OTP: true } : { error: true, message },
});

async function body(req: ZouRequest): Promise<Record<string, unknown>> {
  const json = await req.json().catch(() => ({}));
  return typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
}

/** A required string field of the body, refused as pydantic does when absent or empty. */
function required(fields: Record<string, unknown>, field: string): string {
  const value = fields[field];
  if (typeof value !== "string" || value.length === 0) throw zou.validation([{ field, message: "Field required" }]);
  return value;
}

async function emailOf(ctx: ServerContext, personId: string): Promise<string> {
  return (await findOr404(ctx.tracker, "person", asId(personId))).email ?? "";
}

/** A second-factor check for a protected change: false for a wrong or missing code, as Zou's routes treat both. */
async function verified(req: ZouRequest, ctx: ServerContext, fields: SecondFactorInput): Promise<boolean> {
  try {
    return twoFactorOf(ctx).check(req.actor.personId, await emailOf(ctx, req.actor.personId), fields);
  } catch (error) {
    if (error instanceof MissingOtp) return false;
    throw error;
  }
}

/** The answer to a method just enabled: the first recovery codes (null when the person had some) and new tokens. */
function registered(ctx: ServerContext, personId: string, codes: string[] | null): ZouReply {
  const { accessToken, refreshToken } = ctx.tokens.issuePair(personId);
  return ok({ otp_recovery_codes: codes, access_token: accessToken, refresh_token: refreshToken });
}

type Flag = "totpEnabled" | "emailOtpEnabled";

/** POST of a method: the code in `field` turns it on; Zou's two refusals are `messages` (already on, wrong code). */
function enableRoute(
  pattern: string,
  field: "totp" | "email_otp",
  flag: Flag,
  messages: [already: string, wrong: string],
  enable: (
    store: TwoFactorStore,
    personId: string,
    code: string,
    ctx: ServerContext,
  ) => { recoveryCodes: string[] | null } | undefined | Promise<{ recoveryCodes: string[] | null } | undefined>,
): RouteDef {
  return {
    method: "POST",
    pattern,
    auth: "person",
    handler: async (req, ctx) => {
      const code = required(await body(req), field);
      const store = twoFactorOf(ctx);
      if (store.of(req.actor.personId)[flag]) return fail(messages[0]);
      const enabled = await enable(store, req.actor.personId, code, ctx);
      if (!enabled) return fail(messages[1], true);
      return registered(ctx, req.actor.personId, enabled.recoveryCodes);
    },
  };
}

/**
 * DELETE of a method: Zou checks that some 2FA is on, then the code (a missing one counts as wrong),
 * then that this method is on.
 */
function disableRoute(
  pattern: string,
  notEnabled: string,
  flag: Flag,
  disable: (store: TwoFactorStore, personId: string) => void,
): RouteDef {
  return {
    method: "DELETE",
    pattern,
    auth: "person",
    handler: async (req, ctx) => {
      const fields = await body(req);
      const store = twoFactorOf(ctx);
      if (!store.enabled(req.actor.personId)) return fail(notEnabled);
      if (!(await verified(req, ctx, fields))) return fail("OTP verification failed.", true);
      if (!store.of(req.actor.personId)[flag]) return fail(notEnabled);
      disable(store, req.actor.personId);
      return ok({ success: true });
    },
  };
}

export const twoFactorRoutes: RouteDef[] = [
  {
    // An admin turns a person's 2FA off (persons/resources.py, DisableTwoFactorAuthenticationPersonResource).
    method: "DELETE",
    pattern: "/actions/persons/:personId/disable-two-factor-authentication",
    handler: async (req, ctx) => {
      const person = await findOr404(ctx.tracker, "person", asId(req.params.personId ?? ""));
      if (person.isBot || req.actor.role !== "admin") throw zou.forbidden();
      if (person.role === "admin" && person.id !== req.actor.personId) {
        return fail("An admin can't disable 2FA for other admins.");
      }
      const store = twoFactorOf(ctx);
      if (!store.enabled(person.id)) return fail("Two factor authentication not enabled for this user.");
      store.disableAll(person.id);
      return ok({ success: true });
    },
  },
  {
    method: "PUT",
    pattern: "/auth/totp",
    auth: "person",
    handler: async (req, ctx) => {
      const store = twoFactorOf(ctx);
      if (store.of(req.actor.personId).totpEnabled) return fail("TOTP already enabled.");
      const { uri, secret } = store.preEnableTotp(req.actor.personId, await emailOf(ctx, req.actor.personId));
      return ok({ totp_provisionning_uri: uri, otp_secret: secret });
    },
  },
  enableRoute(
    "/auth/totp",
    "totp",
    "totpEnabled",
    ["TOTP already enabled.", "TOTP verification failed."],
    (store, id, code) => store.enableTotp(id, code),
  ),
  disableRoute("/auth/totp", "TOTP not enabled.", "totpEnabled", (store, id) => store.disableTotp(id)),
  {
    method: "GET",
    pattern: "/auth/email-otp",
    auth: "none",
    handler: async (req, ctx) => {
      const email = req.query.get("email");
      if (!email) throw zou.validation([{ field: "email", message: "Field required" }]);
      // The same answer whether or not the account exists and has email codes on (Zou no longer tells).
      const login = ctx.state.logins.get(email.toLowerCase());
      const person = login ? await ctx.tracker.get("person", asId(login.personId)).catch(() => undefined) : undefined;
      const store = twoFactorOf(ctx);
      if (person?.active && person.email && store.of(person.id).emailOtpEnabled) store.sendEmailOtp(person.email);
      return ok({ success: true });
    },
  },
  {
    method: "PUT",
    pattern: "/auth/email-otp",
    auth: "person",
    handler: async (req, ctx) => {
      const store = twoFactorOf(ctx);
      if (store.of(req.actor.personId).emailOtpEnabled) return fail("OTP by email already enabled.");
      store.sendEmailOtp(await emailOf(ctx, req.actor.personId));
      return ok({ success: true });
    },
  },
  enableRoute(
    "/auth/email-otp",
    "email_otp",
    "emailOtpEnabled",
    ["OTP by email already enabled.", "OTP by email verification failed."],
    async (store, id, code, ctx) => store.enableEmailOtp(id, await emailOf(ctx, id), code),
  ),
  disableRoute("/auth/email-otp", "OTP by email not enabled.", "emailOtpEnabled", (store, id) =>
    store.disableEmailOtp(id),
  ),
  {
    method: "PUT",
    pattern: "/auth/recovery-codes",
    auth: "person",
    handler: async (req, ctx) => {
      const fields = await body(req);
      const store = twoFactorOf(ctx);
      if (!store.enabled(req.actor.personId)) return fail("No two factor authentication enabled.");
      if (!(await verified(req, ctx, fields))) return fail("OTP verification failed.", true);
      return ok({ otp_recovery_codes: store.newRecoveryCodes(req.actor.personId) });
    },
  },
];
