import { ConflictError, NotFoundError } from "@gadget/core";
import { type BadInput, bad, corpus } from "./corpus.js";

/* Field writes, save(), delete() and refresh() of entities. */

const cases: BadInput[] = [
  // field writes, refused at once
  {
    name: 'shot.frameIn = "101"',
    run: (w) => {
      w.shot.frameIn = bad("101");
    },
    says: ["shot.frameIn", "number"],
  },
  {
    name: "shot.frameIn = NaN",
    run: (w) => {
      w.shot.frameIn = Number.NaN;
    },
    says: ["shot.frameIn"],
  },
  {
    name: "shot.id = another id",
    run: (w) => {
      (w.shot as { id: string }).id = "x";
    },
    says: ["shot.id", "cannot be changed"],
  },
  {
    name: "shot.raw = {}",
    run: (w) => {
      (w.shot as { raw: unknown }).raw = {};
    },
    says: ["shot.raw"],
  },
  {
    name: "shot.projectId = another project",
    run: (w) => {
      (w.shot as { projectId: string }).projectId = w.other.project.id;
    },
    says: ["shot.projectId"],
  },
  {
    name: "task.statusId = an id (a comment sets it)",
    run: (w) => {
      (w.task as { statusId: string }).statusId = "x";
    },
    says: ["task.statusId", "comments.new"],
  },
  {
    name: "task.assigneeIds = [] (assign() sets it)",
    run: (w) => {
      (w.task as { assigneeIds: string[] }).assigneeIds = [];
    },
    says: ["task.assigneeIds", "assign"],
  },
  {
    name: "task.difficulty = 0",
    run: (w) => {
      w.task.difficulty = 0;
    },
    says: ["task.difficulty"],
  },
  {
    name: "task.estimation = -1",
    run: (w) => {
      w.task.estimation = -1;
    },
    says: ["task.estimation"],
  },
  {
    name: 'project.startDate = "2026-02-30"',
    run: (w) => {
      w.project.startDate = "2026-02-30";
    },
    says: ["project.startDate", "2026-02-30"],
  },
  {
    name: 'project.status = "archived"',
    run: (w) => {
      w.project.status = bad("archived");
    },
    says: ["project.status"],
  },
  {
    name: "comment.checklist = [{ text: 1 }]",
    run: (w) => {
      w.comment.checklist = bad([{ text: 1 }]);
    },
    says: ["comment.checklist"],
  },
  {
    name: 'preview.validationStatus = "ok"',
    run: (w) => {
      w.preview.validationStatus = bad("ok");
    },
    says: ["preview.validationStatus"],
  },
  {
    name: "person.email = 42",
    run: (w) => {
      w.artist.email = bad(42);
    },
    says: ["person.email"],
  },
  // save() of values that each pass alone
  {
    name: "save() with a whitespace-only name",
    run: (w) => {
      w.shot.name = "   ";
      return w.shot.save();
    },
    says: ["name", "blank"],
  },
  {
    name: "save() with an empty name",
    run: (w) => {
      w.shot.name = "";
      return w.shot.save();
    },
    says: ["name"],
  },
  {
    name: "save() with a NUL byte in the name",
    run: (w) => {
      w.asset.name = "Fo\u0000x";
      return w.asset.save();
    },
    says: ["name", "control character"],
  },
  {
    name: "save() with frameIn after frameOut",
    run: (w) => {
      w.shot.frameIn = w.shot.frameOut === null ? 1 : w.shot.frameOut + 50;
      return w.shot.save();
    },
    says: ["frameIn", "frameOut"],
  },
  {
    name: "save() with a negative frameOut",
    run: (w) => {
      w.shot.frameOut = -1;
      return w.shot.save();
    },
    says: ["frameOut"],
  },
  {
    name: "save() with a negative frame count",
    run: (w) => {
      w.shot.nbFrames = -10;
      return w.shot.save();
    },
    says: ["nbFrames"],
  },
  {
    name: "save() with fps 0",
    run: (w) => {
      w.shot.fps = 0;
      return w.shot.save();
    },
    says: ["fps"],
  },
  {
    name: "save() with a project ending before it starts",
    run: (w) => {
      w.project.endDate = "2025-01-01";
      return w.project.save();
    },
    says: ["startDate", "endDate"],
  },
  {
    name: "save() with a task due before it starts",
    run: (w) => {
      w.task.startDate = "2026-03-01";
      w.task.dueDate = "2026-02-01";
      return w.task.save();
    },
    says: ["startDate", "dueDate"],
  },
  {
    name: "save() renaming a shot to a name its sequence has",
    run: (w) => {
      w.shot.name = "sh010";
      return w.shot.save();
    },
    error: ConflictError,
    says: ['"sh010"'],
  },
  {
    name: "save() moving a shot to another project's sequence",
    run: (w) => {
      w.shot.sequenceId = w.other.sequence.id;
      return w.shot.save();
    },
    error: NotFoundError,
    says: ["sequence", "another project"],
  },
  {
    name: "save() moving a shot to a task id as sequence",
    run: (w) => {
      w.shot.sequenceId = w.task.id;
      return w.shot.save();
    },
    says: ["shot update (sequence)", "is the id of a task"],
  },
  {
    name: "save() with an asset type that is a task type id",
    run: (w) => {
      w.asset.assetTypeId = w.animation.id;
      return w.asset.save();
    },
    says: ["asset update (assetType)", "task type"],
  },
  {
    name: "save() with a 200-character shot name",
    run: (w) => {
      w.shot.name = "s".repeat(200);
      return w.shot.save();
    },
    says: ["name", "160"],
  },
  {
    name: "save() with a NUL byte in a description",
    run: (w) => {
      w.shot.description = "a\u0000b";
      return w.shot.save();
    },
    says: ["description", "NUL"],
  },
  {
    name: "save() with a comment text holding a NUL byte",
    run: (w) => {
      w.comment.text = "a\u0000b";
      return w.comment.save();
    },
    says: ["text", "NUL"],
  },
  // delete()
  {
    name: 'delete({ force: "no" }) of a shot with tasks',
    run: (w) => w.shot.delete(bad({ force: "no" })),
    says: ["force", "boolean"],
  },
  { name: "delete(null)", run: (w) => w.shot.delete(bad(null)), says: ["delete", "null", "{ force"] },
  { name: 'delete("force")', run: (w) => w.shot.delete(bad("force")), says: ["delete", '"force"'] },
  {
    name: "delete({ forse: true }): a misspelled option",
    run: (w) => w.shot.delete(bad({ forse: true })),
    says: ['"forse"', "force"],
  },
  { name: "delete({ force: 1 })", run: (w) => w.asset.delete(bad({ force: 1 })), says: ["force", "boolean"] },
  { name: "delete() of an open project", run: (w) => w.project.delete(), says: ["status", "closed"] },
  { name: "delete() of a sequence with shots", run: (w) => w.sequence.delete(), says: ["sequence", "force"] },
  {
    name: "delete({ force: true }) of an asset type with assets",
    run: async (w) => (await w.tracker.assetTypes.get({ name: "Character" })).delete({ force: true }),
    says: ["asset", "Delete them first"],
  },
  {
    name: "refresh() of an entity of another tracker's session passed through load()",
    run: (w) => w.tracker.load("shot", w.foreign.shot),
    error: NotFoundError,
    says: (w) => [w.foreign.shot.id],
  },
];

corpus("entities", cases);
