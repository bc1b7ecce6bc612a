import { asId } from "@gadget/core/adapter";
import { organisation, person } from "../codec/people.js";
import { readBody } from "../http-io.js";
import { ok, type RouteDef, type ServerContext } from "../server-context.js";
import { MissingOtp, type SecondFactorInput, twoFactorOf } from "../two-factor.js";
import { zou } from "../zou-errors.js";
import { findOr404 } from "./helpers.js";

/* /auth/* (zou.md §2.1, recorded 001–024). Non-browser clients get the tokens in the body. */

async function loginFields(raw: import("node:http").IncomingMessage, query: URLSearchParams) {
  const body = await readBody(raw);
  const type = raw.headers["content-type"] ?? "";
  let fields: Record<string, unknown> = {};
  if (body.length > 0 && type.includes("application/json")) {
    try {
      fields = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw zou.browserBadRequest();
    }
  } else if (body.length > 0 && type.includes("application/x-www-form-urlencoded")) {
    fields = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  }
  for (const key of ["email", "password"]) {
    if (fields[key] === undefined && query.get(key) !== null) fields[key] = query.get(key);
  }
  return fields;
}

/** Zou's login answer when the account has 2FA and the code is missing or wrong; undefined when it passes. */
function secondFactorRefusal(ctx: ServerContext, personId: string, email: string, fields: SecondFactorInput) {
  const store = twoFactorOf(ctx);
  if (!store.enabled(personId)) return undefined;
  try {
    if (store.check(personId, email, fields)) return undefined;
    return { status: 400, json: { error: true, login: false, wrong_OTP: true } };
  } catch (error) {
    if (!(error instanceof MissingOtp)) throw error;
    return {
      status: 400,
      json: {
        error: true,
        login: false,
        missing_OTP: true,
        preferred_two_factor_authentication: error.preferred,
        two_factor_authentication_enabled: error.enabled,
      },
    };
  }
}

async function userPayload(ctx: ServerContext, personId: string) {
  const p = await findOr404(ctx.tracker, "person", asId(personId));
  return { ...person(p, ctx.state, true), fido_devices: [] };
}

export const authRoutes: RouteDef[] = [
  {
    method: "POST",
    pattern: "/auth/login",
    auth: "none",
    handler: async (req, ctx) => {
      const fields = await loginFields(req.raw, req.query);
      const missing = ["email", "password"].filter((k) => typeof fields[k] !== "string");
      if (missing.length > 0) throw zou.validation(missing.map((field) => ({ field, message: "Field required" })));
      const login = ctx.state.logins.get(String(fields.email).toLowerCase());
      if (!login || login.password !== fields.password) return { status: 400, json: { login: false } };
      const p = await ctx.tracker.get("person", asId(login.personId)).catch(() => undefined);
      if (!p) return { status: 400, json: { login: false } };
      if (!p.active) {
        return {
          status: 401,
          json: { error: true, login: false, unactive: true, message: "User is inactive, he cannot log in." },
        };
      }
      const refused = secondFactorRefusal(ctx, p.id, p.email ?? "", fields);
      if (refused) return refused;
      const { accessToken, refreshToken } = ctx.tokens.issuePair(p.id);
      const { fido_devices: _f, ...user } = await userPayload(ctx, p.id);
      return ok({
        user,
        organisation: organisation(ctx.state, p.role === "admin"),
        login: true,
        access_token: accessToken,
        refresh_token: refreshToken,
      });
    },
  },
  {
    method: "GET",
    pattern: "/auth/authenticated",
    handler: async (req, ctx) =>
      ok({
        authenticated: true,
        user: await userPayload(ctx, req.actor.personId),
        organisation: organisation(ctx.state, req.actor.role === "admin"),
      }),
  },
  {
    method: "GET",
    pattern: "/auth/refresh-token",
    auth: "refresh",
    handler: async (req, ctx) => ok({ access_token: ctx.tokens.issueAccess(req.actor.personId, req.actor.claims.jti) }),
  },
  {
    method: "GET",
    pattern: "/auth/logout",
    auth: "person",
    handler: async (req, ctx) => {
      ctx.tokens.revoke(req.actor.claims.jti);
      if (req.actor.claims.refresh_jti) ctx.tokens.revoke(req.actor.claims.refresh_jti);
      return ok({ logout: true });
    },
  },
  {
    method: "GET",
    pattern: "/",
    auth: "none",
    handler: async () => ok({ api: "Zou", version: "1.0.67" }),
  },
];
