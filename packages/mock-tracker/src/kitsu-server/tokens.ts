import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { missingJwtMessage, ZouFailure, zou } from "./zou-errors.js";

/*
 * HS256 JWTs shaped like flask-jwt-extended's (zou.md §2.1): `sub` = person id, `identity_type`,
 * `type` access|refresh, `jti`, access tokens carry their refresh token's jti so that logout
 * revokes both. Tests make tokens expire or revoke them without waiting.
 */

export type IdentityType = "person" | "bot";
export type TokenType = "access" | "refresh";

export interface TokenClaims {
  sub: string;
  type: TokenType;
  jti: string;
  identity_type: IdentityType;
  iat: number;
  nbf: number;
  exp?: number;
  fresh: boolean;
  refresh_jti?: string;
}

/** Token controls of the Kitsu-compatible server (`server.tokens`), to test expiry and refresh. */
export interface TokenControls {
  /** Makes every access token issued so far expired (refresh tokens still work). */
  expireAll(): void;
  /** Revokes every token issued so far, bot tokens included. */
  revokeAll(): void;
  /**
   * Lifetime of new access tokens.
   *
   * @default 604800 (7 days, as Zou)
   */
  accessTtlSeconds: number;
}

const REFRESH_TTL_SECONDS = 15 * 24 * 3600;

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export class TokenService implements TokenControls {
  private readonly secret = randomBytes(32);
  private readonly issued = new Set<string>();
  private readonly issuedAccess = new Set<string>();
  private readonly expired = new Set<string>();
  private readonly revoked = new Set<string>();

  constructor(public accessTtlSeconds: number) {}

  issuePair(personId: string): { accessToken: string; refreshToken: string } {
    const refreshJti = randomUUID();
    const refreshToken = this.sign(this.claims(personId, "refresh", "person", refreshJti, REFRESH_TTL_SECONDS));
    return { accessToken: this.issueAccess(personId, refreshJti), refreshToken };
  }

  issueAccess(personId: string, refreshJti: string): string {
    const claims = this.claims(personId, "access", "person", randomUUID(), this.accessTtlSeconds);
    return this.sign({ ...claims, refresh_jti: refreshJti });
  }

  /** A bot token never expires; it stays valid until revoked or re-issued. */
  issueBot(personId: string): { token: string; jti: string } {
    const jti = randomUUID();
    return { token: this.sign(this.claims(personId, "access", "bot", jti, undefined)), jti };
  }

  revoke(jti: string): void {
    this.revoked.add(jti);
  }

  expireAll(): void {
    for (const jti of this.issuedAccess) this.expired.add(jti);
  }

  revokeAll(): void {
    for (const jti of this.issued) this.revoked.add(jti);
  }

  /** Checks a bearer value the way flask-jwt-extended does, in its order; throws the Zou answer. */
  verify(authorization: string | undefined, wanted: TokenType): TokenClaims {
    const match = authorization?.match(/^Bearer\s+(.+)$/i);
    if (!match?.[1]) throw zou.jwt(401, missingJwtMessage);
    const claims = this.decode(match[1]);
    if (wanted === "refresh" && claims.type !== "refresh") throw zou.jwt(422, "Only refresh tokens are allowed");
    if (wanted === "access" && claims.type !== "access") throw zou.jwt(422, "Only non-refresh tokens are allowed");
    if (this.revoked.has(claims.jti)) throw zou.jwt(401, "Token has been revoked");
    return claims;
  }

  private decode(token: string): TokenClaims {
    const parts = token.split(".");
    if (parts.length !== 3) throw zou.jwt(422, "Not enough segments");
    const [header = "", payload = "", signature = ""] = parts;
    const expected = createHmac("sha256", this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw zou.jwt(422, "Signature verification failed");
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
    } catch {
      throw zou.jwt(422, "Invalid payload string");
    }
    const now = Math.floor(Date.now() / 1000);
    if (this.expired.has(claims.jti) || (claims.exp !== undefined && claims.exp <= now)) throw zou.expired();
    return claims;
  }

  private claims(
    sub: string,
    type: TokenType,
    identity: IdentityType,
    jti: string,
    ttl: number | undefined,
  ): TokenClaims {
    const now = Math.floor(Date.now() / 1000);
    const claims: TokenClaims = { fresh: false, iat: now, jti, type, sub, nbf: now, identity_type: identity };
    if (ttl !== undefined) claims.exp = now + ttl;
    return claims;
  }

  private sign(claims: TokenClaims): string {
    this.issued.add(claims.jti);
    if (claims.type === "access" && claims.identity_type === "person") this.issuedAccess.add(claims.jti);
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const body = b64url(JSON.stringify(claims));
    const sig = createHmac("sha256", this.secret).update(`${head}.${body}`).digest("base64url");
    return `${head}.${body}.${sig}`;
  }
}

export function isZouFailure(error: unknown): error is ZouFailure {
  return error instanceof ZouFailure;
}
