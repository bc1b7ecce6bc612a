import type { Id, PersonRecord, PersonRole } from "@gadget/core/adapter";
import type { ServerContext } from "./server-context.js";

/* Logins the server knows: a person in the tracker plus a password (or a bot token) kept here. */

/** A user to create on the Kitsu-compatible server, with the password it logs in with. */
export interface AddUserInput {
  email: string;
  password: string;
  /** @default "user" */
  role?: PersonRole;
  /** @default the part of the email before "@" */
  firstName?: string;
  /** @default "" */
  lastName?: string;
  /** @default null */
  desktopLogin?: string | null;
}

/** A bot person and its token. */
export interface BotLogin {
  person: PersonRecord;
  /** The bot's access token (never expires; re-issued by `createBot` or a PUT with `expiration_date`). */
  token: string;
}

/** User controls of the Kitsu-compatible server (`server.users`). */
export interface UserControls {
  /** Creates a person in the tracker with a password it can log in with. */
  addUser(input: AddUserInput): Promise<PersonRecord>;
  /** Creates a bot person and returns its token. */
  createBot(name: string, role?: PersonRole): Promise<BotLogin>;
  /** Tokens for a person without a login request (tests that do not exercise auth). */
  issueTokens(personId: Id): { accessToken: string; refreshToken: string };
}

/** Zou lowercases the domain of an email, not its local part. */
export function normalizeEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : `${email.slice(0, at)}${email.slice(at).toLowerCase()}`;
}

export function registerLogin(ctx: ServerContext, person: PersonRecord, password: string): void {
  const login = { personId: person.id, password };
  if (person.email) ctx.state.logins.set(person.email.toLowerCase(), login);
  if (person.desktopLogin) ctx.state.logins.set(person.desktopLogin.toLowerCase(), login);
}

export function issueBotToken(ctx: ServerContext, personId: Id): string {
  const previous = ctx.state.botTokens.get(personId);
  if (previous) ctx.tokens.revoke(previous);
  const { token, jti } = ctx.tokens.issueBot(personId);
  ctx.state.botTokens.set(personId, jti);
  return token;
}

export function userControls(ctx: ServerContext): UserControls {
  return {
    async addUser(input) {
      const email = normalizeEmail(input.email);
      const person = await ctx.tracker.create("person", {
        firstName: input.firstName ?? email.slice(0, email.indexOf("@")),
        lastName: input.lastName ?? "",
        email,
        desktopLogin: input.desktopLogin ?? null,
        role: input.role ?? "user",
        active: true,
      });
      registerLogin(ctx, person, input.password);
      return person;
    },
    async createBot(name, role = "user") {
      const person = await ctx.tracker.create("person", { firstName: name, lastName: "", role, active: true });
      ctx.state.setExtra(person.id, { is_bot: true });
      return { person, token: issueBotToken(ctx, person.id) };
    },
    issueTokens(personId) {
      return ctx.tokens.issuePair(personId);
    },
  };
}
