import { kinds } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { decodeDepartment, decodePerson } from "../src/codec/people.js";
import { decodeAsset, decodeEpisode, decodeProject, decodeSequence, decodeShot } from "../src/codec/production.js";
import { decodeAttachment, decodeComment, decodePlaylist, decodePreview } from "../src/codec/reviews.js";
import { decodeTask, decodeTaskStatus, decodeTaskType, decodeTimeSpent } from "../src/codec/tasks.js";
import { toDate } from "../src/codec/values.js";
import { body, first, hasShared } from "./recorded.js";

describe.skipIf(!hasShared)("codec against recorded Zou 1.0.67 JSON", () => {
  it("reads naive UTC timestamps as UTC", () => {
    expect(toDate("2026-11-29T16:00:54")?.toISOString()).toBe("2026-11-29T16:00:54.000Z");
    expect(toDate("2026-11-29T16:00:54Z")?.toISOString()).toBe("2026-11-29T16:00:54.000Z");
    expect(toDate("None")).toBeNull();
  });

  it("decodes a project; its status comes from the status name or the status table", () => {
    const p = decodeProject(body("051"), () => undefined);
    expect(kinds.project.record.parse(p)).toBeTruthy();
    expect(p).toMatchObject({ name: "Spring Short", status: "open", fps: 25, productionType: "short" });
    const closed = decodeProject(body("047"), (id) => (id === "83902132-062c-4ebd-adf9-1d1f9b7c4dc1" ? "Closed" : ""));
    expect(closed.status).toBe("closed");
  });

  it("decodes a full shot: frame range first-class, out of customData, timestamps as Date", () => {
    const shot = decodeShot(body("160") && (body("160") as unknown[])[0]);
    expect(shot).toMatchObject({
      name: "SH010",
      frameIn: 1001,
      frameOut: 1048,
      nbFrames: 48,
      fps: 24,
      episodeId: null,
    });
    expect(shot.customData).toEqual({});
    const full = decodeShot(body("111"));
    expect(kinds.shot.record.parse(full)).toBeTruthy();
    expect(full.createdAt.toISOString()).toBe("2026-11-29T16:00:54.000Z");
    expect(full.raw.project_name).toBe("Spring Short");
  });

  it("finds a plain shot row's episode through its sequence", () => {
    const row = first("114");
    const shot = decodeShot(row, (seq) => (seq === "ad419f86-91dc-440d-93da-4e44e0cbf68b" ? ("ep" as never) : null));
    expect(shot.episodeId).toBe("ep");
    expect(decodeShot(body("112")).episodeId).toBe("b40f1f9b-1f2f-4893-b835-e9bff003c701");
  });

  it("maps the full asset's quirky empty values ('' and 'None') to null", () => {
    const asset = decodeAsset(body("083"));
    expect(kinds.asset.record.parse(asset)).toBeTruthy();
    expect(asset).toMatchObject({
      previewId: null,
      episodeId: null,
      assetTypeId: "f90bc03b-d420-43d2-8fee-c662bbc59199",
    });
    expect(asset.customData).toEqual({ age: "adult", height_cm: 45 });
  });

  it("decodes episodes and sequences", () => {
    expect(decodeEpisode(body("096"))).toMatchObject({ name: "E02", canceled: false });
    expect(decodeSequence(body("101"))).toMatchObject({ name: "SQ010", episodeId: null });
  });

  it("converts task minutes to seconds and datetimes to days; for_entity decides the kind", () => {
    const row = (body("160") as { tasks: unknown[] }[])[0]?.tasks[0];
    const task = decodeTask({ ...(row as object), project_id: "p", created_at: "2026-11-29T16:01:34" }, "shot");
    expect(task).toMatchObject({ estimation: 4800 * 60, startDate: "2026-03-02", dueDate: "2026-03-13" });
    expect(task.customData).toEqual({ notes: "lipsync needed", complexity: "high" });
    expect(kinds.task.record.parse(decodeTask(body("138"), "shot"))).toBeTruthy();
  });

  it("decodes task types (for_entity → forShots) and statuses", () => {
    const types = (body("027") as unknown[]).map(decodeTaskType);
    expect(types.find((t) => t.name === "Animation")?.forShots).toBe(true);
    expect(types.find((t) => t.name === "Modeling")?.forShots).toBe(false);
    const statuses = (body("028") as unknown[]).map(decodeTaskStatus);
    expect(statuses.find((s) => s.shortName === "wfa")?.isFeedbackRequest).toBe(true);
    for (const s of statuses) expect(kinds.taskStatus.record.parse(s)).toBeTruthy();
  });

  it("decodes comments: checklist ids by index, attachments, batch preview_files", () => {
    const c = decodeComment(body("176"));
    expect(kinds.comment.record.parse(c)).toBeTruthy();
    expect(c.checklist).toEqual([
      { id: "0", text: "Block key poses", checked: false, frame: null, revision: null },
      { id: "1", text: "Check camera", checked: true, frame: null, revision: null },
    ]);
    expect(c.mentionIds).toEqual(["89e24901-1464-4d98-9320-70069589c274"]);
    expect(decodeComment(body("178")).attachments.map((a) => a.name)).toEqual(["reference_sheet.png", "notes.txt"]);
    const batch = decodeComment(first("214"));
    expect(batch.previewIds).toHaveLength(1);
  });

  it("decodes previews: original_name → name, comment link", () => {
    const p = decodePreview(body("193"));
    expect(kinds.preview.record.parse(p)).toBeTruthy();
    expect(p).toMatchObject({ name: "blocking_v001", extension: "png", status: "ready", revision: 1 });
    expect(p.commentId).toBe("6bb309ee-da13-4b6d-b8db-8d7aa7d58a43");
  });

  it("decodes attachments, playlists, persons, departments and time spent (minutes → seconds)", () => {
    expect(decodeAttachment({ ...(body("184") as object[])[0], comment_id: "c" })).toMatchObject({
      name: "notes.txt",
      extension: "txt",
    });
    const playlist = decodePlaylist(body("234"));
    expect(playlist.entries).toEqual([
      { entityId: "cb5f3eaf-7ca7-416c-b416-bbeff8ad8516", previewId: "c50456ab-7bd5-462c-940a-2e8e2c263030" },
      { entityId: "89f859ab-36fd-4664-a0cd-57bc673eb4f3", previewId: null },
    ]);
    const person = decodePerson(body("045"));
    expect(kinds.person.record.parse(person)).toBeTruthy();
    expect(decodeDepartment(body("037")).name).toBe("Lighting");
    expect(decodeTimeSpent(body("168")).duration).toBe(7200);
  });
});

describe("codec row checks", () => {
  const task = {
    id: "85b3cbaa-653e-4676-9e27-9a8c6b80ded1",
    created_at: "2026-11-29T16:01:34",
    entity_id: "cb5f3eaf-7ca7-416c-b416-bbeff8ad8516",
    task_type_id: "04af5ac6-635b-45ca-acfd-a3fe9fa1c5fe",
    task_status_id: "1190b765-1895-4214-a3cb-a588b9397a4a",
  };

  it("a malformed row is a ServerError naming the column, not a crash", () => {
    expect(() => decodeTask({ ...task, task_type_id: 7 }, "shot")).toThrow(
      expect.objectContaining({ name: "ServerError", message: expect.stringContaining("task_type_id") }),
    );
    expect(() => decodeTask({ ...task, id: "" }, "shot")).toThrow(expect.objectContaining({ name: "ServerError" }));
    expect(() => decodeTask(null, "shot")).toThrow(expect.objectContaining({ name: "ServerError" }));
  });

  it("a row that passes is the record's raw as Zou sent it, not a copy", () => {
    const record = decodeTask(task, "shot");
    expect(record.raw).toBe(task);
    expect(record.updatedAt.toISOString()).toBe("2026-11-29T16:01:34.000Z");
  });

  it("records of a kind have their fields in one order, whatever the row carries", () => {
    const bare = decodeTask(task, "shot");
    const full = decodeTask({ ...task, name: "main", data: { cam: "A" }, assignees: ["x"], project_id: "p" }, "shot");
    expect(Object.keys(full)).toEqual(Object.keys(bare));
  });
});

describe("timestamps", () => {
  it("reads Zou's naive UTC forms, with or without a zone, and refuses what is not a date", () => {
    const iso = (v: string) => toDate(v)?.toISOString() ?? null;
    expect(iso("2024-02-29T23:59:59")).toBe("2024-02-29T23:59:59.000Z");
    expect(iso("2026-11-29 16:01:34")).toBe("2026-11-29T16:01:34.000Z");
    expect(iso("2026-11-29T16:01:34.123456")).toBe("2026-11-29T16:01:34.123Z");
    expect(iso("2026-11-29T17:01:34+01:00")).toBe("2026-11-29T16:01:34.000Z");
    expect(iso("2026-1x-29T16:01:34")).toBeNull();
  });
});
