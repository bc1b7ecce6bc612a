import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ServerContext } from "./server-context.js";
import { ZouFailure } from "./zou-errors.js";

/*
 * The event stream (zou.md §6): socket.io at `/socket.io`, namespace `/events`. The handshake's
 * `Authorization: Bearer <access token>` is checked once, at connect (expiry is not re-checked
 * later, as in Zou); every event goes to every connected socket.
 */

export interface EventServer {
  close(): Promise<void>;
}

export function attachEvents(http: HttpServer, ctx: ServerContext): EventServer {
  const io = new Server(http, { path: "/socket.io", serveClient: false });
  const nsp = io.of("/events");
  nsp.use((socket, next) => {
    try {
      const claims = ctx.tokens.verify(socket.handshake.headers.authorization, "access");
      if (claims.identity_type === "bot" && ctx.state.botTokens.get(claims.sub) !== claims.jti) {
        next(new Error("Token has been revoked"));
        return;
      }
      next();
    } catch (error) {
      const body = error instanceof ZouFailure ? error.body : {};
      next(new Error(String(body.msg ?? body.message ?? "Unauthorized")));
    }
  });
  ctx.events.onBroadcast((name, data) => {
    nsp.emit(name, data);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        io.disconnectSockets(true);
        io.close(() => resolve());
      }),
  };
}
