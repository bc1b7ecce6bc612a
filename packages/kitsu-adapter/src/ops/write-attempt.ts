import type { Id } from "@gadget/core/adapter";
import { idList, type KitsuRow } from "../codec/values.js";
import { formatZouTime, parseZouTime } from "../events/zou-time.js";
import { path, routes } from "../routes.js";
import type { KitsuClient } from "../transport/client.js";
import type { RequestSpec } from "../transport/request-spec.js";
import type { OpsContext } from "./ops-context.js";

/*
 * What a read-back needs to tell a row the failed attempt wrote from one that was there before: when
 * the attempt began on the server's clock, and which rows this session already took as its own.
 * Zou stamps rows in whole seconds of its own clock (naive UTC); the client's clock may be off, so a
 * read-back learns the offset from the `Date` header of the answer it reads.
 */

/** Zou's timestamps and the `Date` header are whole seconds: a row stamped up to this much before the attempt still counts. */
const marginMs = 2_000;

/** Rows a session's read-backs already claimed; the oldest are forgotten past this many (they are long out of any window). */
const maxClaims = 1_000;

/** The session's own person, as `auth/authenticated` gives it. */
export interface SessionUser {
  id: string;
  role: string;
}

interface SessionMemory {
  claimed: Set<string>;
  user?: Promise<SessionUser>;
}

const sessions = new WeakMap<KitsuClient, SessionMemory>();

function memoryOf(client: KitsuClient): SessionMemory {
  let memory = sessions.get(client);
  if (!memory) {
    memory = { claimed: new Set() };
    sessions.set(client, memory);
  }
  return memory;
}

/** A read of the server, with a test for "written since the attempt began" on the server's clock. */
export interface TimedRead<T> {
  body: T;
  /** Whether a Zou timestamp is from the attempt's start on (give or take Zou's whole seconds). */
  since(zouTime: unknown): boolean;
}

/**
 * One write that is not idempotent, from just before its first attempt: reads the server back after a
 * failed attempt and claims what the attempt wrote, so that two writes of the same session never take
 * the same row as theirs.
 */
export class WriteAttempt {
  private readonly startedAt = Date.now();

  constructor(private readonly ctx: OpsContext) {}

  /** GETs an API path; the answer's `Date` header sets the server's clock for `since`. */
  async read<T>(apiPath: string): Promise<TimedRead<T>> {
    const response = await this.ctx.client.send({ method: "GET", path: apiPath });
    const receivedAt = Date.now();
    const body = (await response.json()) as T;
    const serverNow = Date.parse(response.headers.get("date") ?? "");
    const offset = Number.isNaN(serverNow) ? 0 : serverNow - receivedAt;
    const from = this.startedAt + offset - marginMs;
    return {
      body,
      since: (zouTime) => typeof zouTime === "string" && parseZouTime(zouTime).getTime() >= from,
    };
  }

  /** Takes a row as the one this write made; false when another write of the session already did. */
  claim(id: unknown): boolean {
    const { claimed } = memoryOf(this.ctx.client);
    const key = String(id);
    if (claimed.has(key)) return false;
    claimed.add(key);
    if (claimed.size > maxClaims) claimed.delete(claimed.values().next().value as string);
    return true;
  }

  /** The session's own person id (`auth/authenticated`), read once per session and only when a read-back needs it. */
  async userId(): Promise<string> {
    return (await sessionUser(this.ctx.client)).id;
  }

  /**
   * Sends the write with `find` as its read-back, and claims what it wrote (`keyOf` of the answer), so
   * that a later read-back of the session never takes this row for its own (nothing is claimed without it).
   *
   * The read-back shares one rule: after an attempt that timed out the server may still be writing, so
   * finding nothing proves nothing and the write is not sent again (the timeout is the answer); after a
   * network error or a 502/503/504 it is.
   */
  async send<T>(spec: RequestSpec<T>, find: () => Promise<T | undefined>, keyOf?: (written: T) => unknown): Promise<T> {
    const written = await this.ctx.client.request<T>({
      ...spec,
      readBack: async (state) => {
        const found = await find();
        if (found === undefined && state.error.code === "TIMEOUT") throw state.error;
        return found;
      },
    });
    if (keyOf) this.claim(keyOf(written));
    return written;
  }

  /** The task's comments (`data/tasks/:id/comments`, newest first, each with its previews and attachments). */
  taskComments(taskId: Id): Promise<TimedRead<KitsuRow[]>> {
    return this.read<KitsuRow[]>(path(routes.taskComments, { taskId }));
  }
}

/**
 * The session's own person (`auth/authenticated`: id and studio role), read once per session and only
 * when a read-back or a role check needs it.
 */
export function sessionUser(client: KitsuClient): Promise<SessionUser> {
  const memory = memoryOf(client);
  memory.user ??= client
    .request<{ user?: { id?: unknown; role?: unknown } }>({ method: "GET", path: path(routes.authenticated, {}) })
    .then((answer) => ({ id: String(answer.user?.id ?? ""), role: String(answer.user?.role ?? "") }));
  memory.user.catch(() => {
    memory.user = undefined;
  });
  return memory.user;
}

/** What a comment the write posted looks like on the task: its text, its status, who wrote it and when. */
export interface CommentMatch {
  text: string;
  statusId: string;
  /** The author the write named (checked as allowed before the write); the session's user otherwise. */
  authorId?: string;
  /** The date the write gave (whole seconds); the comment is then told by its `updated_at`, which Zou stamps now. */
  createdAt?: Date;
}

/**
 * The comment a failed attempt posted on the task, if any: the oldest unclaimed comment since the
 * attempt began with the same text, status, author and, when the write gave one, date.
 */
export async function landedComment(
  attempt: WriteAttempt,
  taskId: Id,
  match: CommentMatch,
): Promise<KitsuRow | undefined> {
  const { body, since } = await attempt.taskComments(taskId);
  const author = match.authorId ?? (await attempt.userId());
  const dated = match.createdAt ? formatZouTime(match.createdAt) : undefined;
  return body
    .filter(
      (row) =>
        row.text === match.text &&
        row.task_status_id === match.statusId &&
        String(row.person_id) === author &&
        (dated === undefined ? since(row.created_at) : row.created_at === dated && since(row.updated_at)),
    )
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
    .find((row) => attempt.claim(row.id));
}

/**
 * The preview a failed `add-preview` attempt created on the comment, if any: an unclaimed preview of
 * the comment without its file yet, created since the attempt began.
 */
export async function landedPreview(attempt: WriteAttempt, taskId: Id, commentId: Id): Promise<KitsuRow | undefined> {
  const { body } = await attempt.taskComments(taskId);
  const comment = body.find((row) => row.id === commentId);
  const summaries = Array.isArray(comment?.previews) ? (comment.previews as KitsuRow[]) : [];
  for (const summary of summaries.filter((p) => !p.original_name)) {
    const { body: row, since } = await attempt.read<KitsuRow>(
      path(routes.getModel, { model: "preview-files", id: String(summary.id) }),
    );
    if (since(row.created_at) && attempt.claim(row.id)) return row;
  }
  return undefined;
}

/** Reads preview rows in full (`data/preview-files/:id`), in their order on the comment. */
export async function fullPreviewRows(ctx: OpsContext, summaries: readonly KitsuRow[]): Promise<KitsuRow[]> {
  const ordered = [...summaries].sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  return Promise.all(
    ordered.map((p) =>
      ctx.client.request<KitsuRow>({
        method: "GET",
        path: path(routes.getModel, { model: "preview-files", id: String(p.id) }),
      }),
    ),
  );
}

/**
 * The attachments a failed `add-attachment` attempt added to the comment, if any: the comment's
 * unclaimed attachments that `before` (the comment row read before the write) did not list.
 */
export async function landedAttachments(
  attempt: WriteAttempt,
  taskId: Id,
  commentId: Id,
  before: KitsuRow,
): Promise<KitsuRow[] | undefined> {
  const known = new Set(idList(before.attachment_files));
  const { body } = await attempt.taskComments(taskId);
  const comment = body.find((row) => row.id === commentId);
  const rows = Array.isArray(comment?.attachment_files) ? (comment.attachment_files as KitsuRow[]) : [];
  const added = rows.filter((row) => !known.has(row.id as Id) && attempt.claim(row.id));
  return added.length > 0 ? added : undefined;
}
