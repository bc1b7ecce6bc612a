import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Attachment, type Preview, Tracker } from "@gadget/core";
import { tinyMp4, tinyPng } from "@gadget/core/testing";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kitsu from "../src/index.js";
import { realKitsu } from "./real-kitsu.js";

/*
 * preview.download({ to, variant }) and tracker.raw's binary and paging helpers, through the public
 * API, on the mock, on the Kitsu-compatible server and, when TRACKER_URL and credentials are set,
 * on a real Kitsu (what it creates is named `files12-…` and removed afterwards).
 */

const open: { close(): Promise<void> }[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const item of open.splice(0).reverse()) await item.close().catch(() => undefined);
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the file's tests. */
async function tempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

const pngSize = (bytes: Buffer) =>
  bytes.subarray(1, 4).toString("latin1") === "PNG" ? [bytes.readUInt32BE(16), bytes.readUInt32BE(20)] : undefined;
const isMp4 = (bytes: Buffer) => bytes.toString("latin1", 4, 8) === "ftyp";

async function files(dir: string, entries: Record<string, Uint8Array>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    out[name] = join(dir, name);
    await writeFile(out[name], bytes);
  }
  return out;
}

interface Studio {
  tracker: Tracker;
  projectName: string;
  picture: Preview;
  movie: Preview;
  archive: Preview;
  archiveBytes: Buffer;
  attachment: Attachment;
  sequenceId: string;
  cleanup(): Promise<void>;
}

/** A project with one shot task and a comment carrying a picture, a movie and a zip. */
async function publishStudio(tracker: Tracker): Promise<Studio> {
  const projectName = `files12-${randomBytes(3).toString("hex")}`;
  const project = await tracker.projects.new({ name: projectName, productionType: "short" });
  const cleanup = async () => {
    // Kitsu deletes closed projects only.
    project.status = "closed";
    await project.save();
    await project.delete({ force: true });
  };
  const taskType = (await tracker.taskTypes.filter({ forShots: true }))[0];
  const wfa = await tracker.taskStatuses.get({ shortName: "wfa" });
  if (!taskType) throw new Error("no shot task type on this tracker");
  await project.enable(taskType);
  await project.enable(wfa);
  const sequence = await project.sequences.new({ name: "sq010" });
  const shot = await sequence.shots.new({ name: "sh010" });
  for (const name of ["sh020", "sh030"]) await sequence.shots.new({ name });
  const task = await shot.tasks.new({ taskType });
  const dir = await tempFolder("files12-upload-");
  const archiveBytes = randomBytes(300 * 1024);
  const paths = await files(dir, {
    "layout_v001.png": tinyPng,
    "turntable_v001.mp4": tinyMp4,
    "package_v001.zip": archiveBytes,
    "notes.txt": Buffer.from("files12 notes"),
  });
  const comment = await task.comments.new({
    comment: "files12 variants",
    status: wfa,
    preview: [paths["layout_v001.png"] ?? "", paths["turntable_v001.mp4"] ?? "", paths["package_v001.zip"] ?? ""],
    attachments: [paths["notes.txt"] ?? ""],
  });
  const [attachment] = await comment.attachments.all();
  if (!attachment) throw new Error("the attachment was not created");
  const previews = await comment.previews.all();
  const [picture, movie, archive] = ["png", "mp4", "zip"].map((ext) => previews.find((p) => p.extension === ext));
  if (!picture || !movie || !archive) throw new Error("the three previews were not created");
  // Kitsu encodes a movie after the upload answers: wait until it is ready (or failed).
  for (let i = 0; i < 240 && movie.status === "processing"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await movie.refresh();
  }
  return { tracker, projectName, picture, movie, archive, archiveBytes, attachment, sequenceId: sequence.id, cleanup };
}

function scenarios(name: string, connect: () => Promise<Tracker>, timeout = 20_000) {
  describe(name, { timeout }, () => {
    let studio: Studio;
    let out: string;
    beforeAll(async () => {
      const tracker = await connect();
      open.push(tracker);
      studio = await publishStudio(tracker);
      open.push({ close: () => studio.cleanup() });
      out = await tempFolder("files12-download-");
    }, timeout * 6);
    const setup = async () => studio;

    it("download({ to, variant }) writes every variant of a picture and of a movie to disk", async () => {
      const { picture, movie } = await setup();
      expect(movie.status).toBe("ready");
      const sizes: Record<string, unknown> = {};
      for (const variant of ["original", "preview", "thumbnail", "square-thumbnail"] as const) {
        const saved = await picture.download({ to: out, variant });
        expect(saved.path).toBe(join(out, saved.fileName));
        const bytes = await readFile(saved.path);
        expect(bytes.length).toBe(saved.size);
        sizes[variant] = pngSize(bytes);
      }
      expect(sizes).toEqual({
        original: [1, 1],
        preview: [1200, 1200],
        thumbnail: [150, 100],
        "square-thumbnail": [100, 100],
      });
      for (const variant of ["original", "movie", "low-movie"] as const) {
        const saved = await movie.download({ to: join(out, `turntable.${variant}.mp4`), variant });
        expect(isMp4(await readFile(saved.path)), variant).toBe(true);
      }
      for (const variant of ["thumbnail", "square-thumbnail", "preview"] as const) {
        const saved = await movie.download({ to: out, variant });
        expect(saved.fileName).toBe(`turntable_v001.${variant}.png`);
        expect(pngSize(await readFile(saved.path))?.[0], variant).toBe(
          variant === "square-thumbnail" ? 100 : variant === "thumbnail" ? 150 : 1200,
        );
      }
    });

    it("a variant the preview lacks is a NotFoundError naming it, and nothing is written", async () => {
      const { picture, archive } = await setup();
      const to = join(out, "none.mp4");
      await expect(picture.download({ to, variant: "movie" })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining('"movie"'),
      });
      await expect(archive.download({ to, variant: "thumbnail" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await readdir(out)).not.toContain("none.mp4");
    });

    it("an unwritable `to` is a ValidationError before the request", async () => {
      const { picture } = await setup();
      await expect(picture.download({ to: join(out, "no-such-folder", "x.png") })).rejects.toMatchObject({
        code: "VALIDATION",
        message: expect.stringContaining("does not exist"),
      });
      const locked = join(out, "locked");
      await mkdir(locked, { mode: 0o500 });
      if (process.getuid?.() !== 0) {
        await expect(picture.download({ to: join(locked, "x.png") })).rejects.toMatchObject({ code: "VALIDATION" });
      }
    });

    it("a cancelled download leaves neither `to` nor a temp file; a finished one replaces `to` whole", async () => {
      const { archive, archiveBytes } = await setup();
      const folder = await tempFolder("files12-abort-");
      const to = join(folder, "package.zip");
      await writeFile(to, "the previous version");
      const controller = new AbortController();
      const reason = new Error("stopped by the user");
      await expect(
        archive.download({ to, signal: controller.signal, onProgress: () => controller.abort(reason) }),
      ).rejects.toBe(reason);
      expect(await readdir(folder)).toEqual(["package.zip"]);
      expect(await readFile(to, "utf8")).toBe("the previous version");
      const loaded: number[] = [];
      const saved = await archive.download({ to, onProgress: (p) => loaded.push(p.loaded) });
      expect(saved.size).toBe(archiveBytes.length);
      expect((await readFile(to)).equals(archiveBytes)).toBe(true);
      expect(loaded.at(-1)).toBe(archiveBytes.length);
      expect(await readdir(folder)).toEqual(["package.zip"]);
    });

    it("attachment.download({ to }) writes the attached file under its name in a folder", async () => {
      const { attachment } = await setup();
      const saved = await attachment.download({ to: out });
      expect(saved).toMatchObject({ path: join(out, "notes.txt"), fileName: "notes.txt", size: 13 });
      expect(await readFile(saved.path, "utf8")).toBe("files12 notes");
    });

    it("raw.stream() gives a binary route's bytes with the session's auth; a missing file is a NotFoundError", async () => {
      const { tracker, picture, archive } = await setup();
      const thumb = await tracker.raw.stream(`pictures/thumbnails/preview-files/${picture.id}.png`);
      expect(thumb.fileName).toBe(`${picture.id}.png`);
      const chunks: Buffer[] = [];
      for await (const chunk of thumb.stream) chunks.push(Buffer.from(chunk as Buffer));
      expect(pngSize(Buffer.concat(chunks))).toEqual([150, 100]);
      // Where Zou has no file, its routes answer 404: the Kitsu-compatible server must too.
      for (const path of [
        `pictures/thumbnails/preview-files/${archive.id}.png`,
        `pictures/originals/preview-files/${archive.id}.png`,
        `movies/originals/preview-files/${picture.id}.mp4`,
        `movies/low/preview-files/${picture.id}.mp4`,
      ]) {
        const answer = await tracker.raw.stream(path).catch((error: unknown) => error);
        expect(answer, path).toMatchObject({ code: "NOT_FOUND" });
      }
      const original = await tracker.raw.stream(`pictures/originals/preview-files/${archive.id}/download`);
      original.stream.resume();
      await expect(tracker.raw.get(`pictures/thumbnails/preview-files/${picture.id}.png`)).rejects.toMatchObject({
        code: "SERVER",
        message: expect.stringContaining(
          "with a file (image/png), not JSON. Read a route that answers a file with raw.stream(path)",
        ),
      });
    });

    it("raw.fetchAll() reads every page, fetchFirst() the first record or null, fetchOne() one record", async () => {
      const { tracker, sequenceId, projectName } = await setup();
      const project = await tracker.projects.get({ name: projectName });
      const shots = await tracker.raw.fetchAll<{ id: string; name: string }>(
        "shots",
        { parent_id: sequenceId },
        { limit: 1 },
      );
      expect(shots.map((s) => s.name).sort()).toEqual(["sh010", "sh020", "sh030"]);
      expect(new Set(shots.map((s) => s.id)).size).toBe(3);
      expect(await tracker.raw.fetchAll("data/shots", { parent_id: sequenceId })).toHaveLength(3);
      // A route that does not page answers its whole list, whatever `page` says.
      const openProjects = await tracker.raw.fetchAll<{ name: string }>("projects/open", {}, { limit: 1 });
      expect(openProjects.map((p) => p.name)).toContain(projectName);
      expect(await tracker.raw.fetchFirst<{ name: string }>("sequences", { project_id: project.id })).toMatchObject({
        name: "sq010",
      });
      expect(await tracker.raw.fetchFirst("shots", { parent_id: sequenceId, name: "sh999" })).toBeNull();
      expect(await tracker.raw.fetchOne<{ name: string }>("projects", project.id)).toMatchObject({ name: projectName });
      await expect(tracker.raw.fetchAll("shots", {}, { limit: 0 })).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(tracker.raw.fetchOne("projects", "a/b")).rejects.toMatchObject({ code: "VALIDATION" });
    });
  });
}

scenarios("mock tracker", async () => Tracker.connect(new MockTracker()));

let server: KitsuServer | undefined;
afterAll(async () => {
  await server?.close();
});
scenarios("Kitsu adapter on the Kitsu-compatible server", async () => {
  server = await startKitsuServer();
  return Tracker.fromEnv({
    env: { TRACKER_URL: server.url, TRACKER_LOGIN: "admin@example.com", TRACKER_PASSWORD: "mysecretpassword" },
    envFile: false,
    modules: { kitsu },
  });
});

const real = realKitsu();
describe.skipIf(!real)("real Kitsu (TRACKER_URL)", () => {
  if (real)
    scenarios("Kitsu adapter on the real server", async () => Tracker.connect(await kitsu.createAdapter(real)), 60_000);
});
