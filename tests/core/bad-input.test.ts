import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AmbiguousError,
  type Asset,
  getId,
  NotFoundError,
  PartialWriteError,
  type PublishWritten,
  type Query,
  type Shot,
  ValidationError,
} from "@gadget/core";
import { describe, expect, test } from "vitest";
import { demoSession, tempFile } from "./helpers.js";

async function animTask() {
  const session = await demoSession();
  const seq = await session.project.sequences.get({ name: "sq010" });
  const shot = await seq.shots.get({ name: "sh060" });
  const task = await shot.tasks.fetch("Animation");
  return { ...session, shot, task };
}

describe("bad input", () => {
  test("get() with no match names the query and its scope", async () => {
    const { project } = await demoSession();
    const error = await project.shots.get({ name: "sh999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('{"name":"sh999"}');
    expect((error as Error).message).toContain('project "Bunny Escape"');
  });

  test("get() with several matches names the query, its scope and the ids", async () => {
    const { project } = await demoSession();
    const error = await project.shots.get({ name: "sh010" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousError);
    expect((error as AmbiguousError).matches).toHaveLength(2);
    expect((error as Error).message).toContain('{"name":"sh010"} in project "Bunny Escape"');
    await expect(project.shots.find({ name: "sh010" })).rejects.toBeInstanceOf(AmbiguousError);
  });

  test("an unknown query key is a ValidationError before any adapter call", async () => {
    const { project, log } = await demoSession();
    const query = { nmae: "sh010" } as unknown as Query<"shot", Shot>;
    const error = await project.shots.get(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ["nmae"], message: "unknown key" }]);
    expect((error as Error).message).toContain("name");
    expect(log.count()).toBe(0);
  });

  test("a query value of the wrong type is a ValidationError before any adapter call", async () => {
    const { project, log } = await demoSession();
    const query = { frameIn: "101" } as unknown as Query<"shot", Shot>;
    const error = await project.shots.filter(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(["frameIn"]);
    expect(log.count()).toBe(0);
  });

  test("an entity of the wrong kind is refused (an Asset where a Sequence is expected)", async () => {
    const { project, log } = await demoSession();
    const asset: Asset = await project.assets.get({ name: "Fox" });
    log.reset();
    const error = await project.shots.filter({ sequence: asset }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("expects a sequence, but was given an asset");
    expect(log.count()).toBe(0);
    await expect(
      project.sequences.get({ name: "sq010" }).then((s) => s.shots.new({ name: "x", sequence: asset })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  test("getId() refuses what is not an id", () => {
    expect(() => getId("")).toThrow(ValidationError);
    expect(getId({ id: "abc" })).toBe("abc");
  });

  test("a missing preview file names the path and nothing is written", async () => {
    const { task, log } = await animTask();
    const before = (await task.comments.all()).length;
    const dir = await mkdtemp(join(tmpdir(), "gadget-core-"));
    const missing = join(dir, "nope.mp4");
    log.reset();
    const error = await task.comments.new({ comment: "x", status: "wfa", preview: [missing] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain("does not exist");
    expect(log.calls.map((c) => c.method)).not.toContain("comment");
    expect(await task.comments.all()).toHaveLength(before);
  });

  test("an empty or directory preview is refused too", async () => {
    const { task } = await animTask();
    const empty = await tempFile("empty.mp4", "");
    await expect(task.comments.new({ preview: empty })).rejects.toThrow(/is empty/);
    const dir = await mkdtemp(join(tmpdir(), "gadget-core-"));
    await expect(task.comments.new({ attachments: [dir] })).rejects.toThrow(/directory/);
  });

  test("an unknown status lists the valid short names", async () => {
    const { task } = await animTask();
    const error = await task.comments.new({ comment: "x", status: "approved" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('"approved"');
    expect((error as Error).message).toContain("todo, ready, wip, wfa, retake, done");
  });

  test("a failing addPreview is a PartialWriteError carrying the comment id", async () => {
    const { mock, task } = await animTask();
    const first = await tempFile("a.mp4");
    const second = await tempFile("b.mp4");
    mock.faults.failNext("addPreview", 1, "server");
    const error = await task.comments
      .new({ comment: "two files", status: "wip", preview: [first, second] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const written = (error as PartialWriteError<PublishWritten>).written;
    expect(written.operation).toBe("publish");
    const comments = await task.comments.filter({ text: "two files" });
    expect(comments).toHaveLength(1);
    expect(written.ids.comment).toBe(comments[0]?.id);
    expect(written.ids.previews).toEqual([]);
    expect((error as PartialWriteError).failedStep).toBe("add preview a.mp4");
  });

  test("an unknown key in a publish input is refused", async () => {
    const { task } = await animTask();
    const input = { coment: "typo" } as unknown as Parameters<typeof task.comments.new>[0];
    await expect(task.comments.new(input)).rejects.toBeInstanceOf(ValidationError);
  });

  test("new() with an unknown key names it and the allowed keys", async () => {
    const { project } = await demoSession();
    const seq = await project.sequences.get({ name: "sq010" });
    const input = { name: "sh1000", frame_in: 3 } as unknown as Parameters<typeof seq.shots.new>[0];
    await expect(seq.shots.new(input)).rejects.toThrow(/"frame_in".*frameIn/);
  });

  test("a read-only field cannot be assigned", async () => {
    const { task } = await animTask();
    expect(() => {
      (task as unknown as { statusId: string }).statusId = "x";
    }).toThrow(ValidationError);
  });

  test("tasks.fetch() with a type the entity lacks lists the types it has", async () => {
    const { shot } = await animTask();
    await expect(shot.tasks.fetch("Rigging")).rejects.toThrow(/no task of type "Rigging".*Animation/);
  });
});
