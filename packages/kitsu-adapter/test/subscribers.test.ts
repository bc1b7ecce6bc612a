import { AuthError, NetworkError } from "@gadget/core";
import { asId, type EventRecord, redact } from "@gadget/core/adapter";
import { describe, expect, it, vi } from "vitest";
import { logStreamError } from "../src/events/report.js";
import type { KitsuEventStreamOptions } from "../src/events/stream-options.js";
import { Subscribers } from "../src/events/subscribers.js";

/** A stream that records what it was given and whether it is open. */
function fakeStreams() {
  const opened: { options: KitsuEventStreamOptions; closed: boolean }[] = [];
  const factory = (options: KitsuEventStreamOptions) => {
    const entry = { options, closed: false };
    opened.push(entry);
    return {
      start: async () => undefined,
      close: async () => {
        entry.closed = true;
      },
    };
  };
  return { opened, factory };
}

const auth = { accessToken: async () => "t", refresh: async () => "t" };
const event = (id: string): EventRecord => ({
  name: "shot:update",
  kind: "shot",
  action: "update",
  id: asId(id),
  projectId: null,
  at: new Date(0),
  data: {},
  cursor: id,
});

function setup() {
  const { opened, factory } = fakeStreams();
  const errors: unknown[] = [];
  const subscribers = new Subscribers({
    stream: { origin: "http://127.0.0.1:1", auth },
    onError: (e) => errors.push(e),
    factory,
  });
  return { opened, errors, subscribers };
}

describe("KitsuAdapter event subscribers", () => {
  it("the last unsubscribe closes the stream; the next subscribe opens a new one", async () => {
    const { opened, subscribers } = setup();
    const stopA = subscribers.add(() => undefined);
    const stopB = subscribers.add(() => undefined);
    expect(opened).toHaveLength(1);
    stopA();
    expect(opened[0]?.closed).toBe(false);
    stopB();
    await vi.waitFor(() => expect(opened[0]?.closed).toBe(true));
    expect(subscribers.streaming).toBe(false);
    subscribers.add(() => undefined);
    expect(opened).toHaveLength(2);
  });

  it("a handler that throws is reported and the other handlers still get the event", () => {
    const { opened, errors, subscribers } = setup();
    const got: string[] = [];
    subscribers.add(() => {
      throw new Error("handler bug");
    });
    subscribers.add((e) => got.push(e.id));
    opened[0]?.options.onEvent(event("00000000-0000-4000-8000-000000000001"));
    expect(got).toEqual(["00000000-0000-4000-8000-000000000001"]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["handler bug"]);
  });

  it("an AuthError that ends the stream is surfaced and a later subscriber reconnects", () => {
    const { opened, errors, subscribers } = setup();
    subscribers.add(() => undefined);
    const ended = AuthError.refreshFailed();
    opened[0]?.options.onError?.(ended);
    expect(errors).toEqual([ended]);
    expect(subscribers.streaming).toBe(false);
    subscribers.add(() => undefined);
    expect(opened).toHaveLength(2);
  });

  it("an AuthError closes the stream it forgets, so no orphan socket keeps retrying or doubles events", async () => {
    const { opened, subscribers } = setup();
    subscribers.add(() => undefined);
    opened[0]?.options.onError?.(AuthError.rejected("the event stream refused a freshly refreshed token"));
    await vi.waitFor(() => expect(opened[0]?.closed).toBe(true));
    subscribers.add(() => undefined);
    await subscribers.close();
    expect(opened.map((o) => o.closed)).toEqual([true, true]);
  });

  it("the same function subscribed twice is two subscriptions", () => {
    const { opened, subscribers } = setup();
    const got: string[] = [];
    const handler = (e: EventRecord) => got.push(e.id);
    const stop = subscribers.add(handler);
    subscribers.add(handler);
    stop();
    opened[0]?.options.onEvent(event("00000000-0000-4000-8000-000000000002"));
    expect(got).toHaveLength(1);
  });
});

describe("default onError", () => {
  it("logs an AuthError on one line with tokens redacted, and skips retried network failures", () => {
    const lines: string[] = [];
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    logStreamError(new AuthError(`token ${jwt} refused (Bearer ${jwt})`), (l) => lines.push(l));
    logStreamError(new NetworkError("socket hang up"), (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("AuthError");
    expect(lines[0]).not.toContain(jwt);
    expect(redact(`bearer ${jwt}`)).toBe("Bearer <redacted>");
  });

  it("redacts a password or token field that a handler's error message carries", () => {
    const lines: string[] = [];
    logStreamError(new Error('login failed for {"email":"a@b.c","password":"hunter2"} token=s3cr3t'), (l) =>
      lines.push(l),
    );
    expect(lines[0]).toContain("a@b.c");
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("s3cr3t");
  });
});

describe("KitsuAdapter event subscribers, observer", () => {
  it("sees every event before the handlers", () => {
    const { opened, factory } = fakeStreams();
    const order: string[] = [];
    const subscribers = new Subscribers({
      stream: { origin: "http://127.0.0.1:1", auth },
      onError: () => undefined,
      observe: () => order.push("observe"),
      factory,
    });
    subscribers.add(() => order.push("handler"));
    opened[0]?.options.onEvent(event("00000000-0000-4000-8000-000000000003"));
    expect(order).toEqual(["observe", "handler"]);
  });
});
