import { type BadInput, bad, corpus } from "./corpus.js";

/* comments.new() (publishing), comment.addPreview() and comment.attach(): files, statuses, checklists. */

const publish: BadInput[] = [
  {
    name: "comments.new(undefined)",
    run: (w) => w.task.comments.new(bad(undefined)),
    says: ["comments.new()", "{ comment"],
  },
  {
    name: 'comments.new("Blocking pass")',
    run: (w) => w.task.comments.new(bad("Blocking pass")),
    says: ["comments.new()", '{ comment: "Blocking pass" }'],
  },
  {
    name: "comments.new({ coment }): a misspelled key",
    run: (w) => w.task.comments.new(bad({ coment: "typo" })),
    says: ['"coment"', "comment"],
  },
  {
    name: "comments.new({ comment: 42 })",
    run: (w) => w.task.comments.new(bad({ comment: 42 })),
    says: ["comment", "string"],
  },
  {
    name: "a comment with a NUL byte",
    run: (w) => w.task.comments.new({ comment: "a\u0000b" }),
    says: ["comment", "NUL"],
  },
  {
    name: 'status "approved": not a status of the project',
    run: (w) => w.task.comments.new({ status: "approved" }),
    says: ['"approved"', "wfa"],
  },
  { name: "status 42", run: (w) => w.task.comments.new({ status: bad(42) }), says: ["status", "TaskStatus"] },
  { name: "status null", run: (w) => w.task.comments.new({ status: bad(null) }), says: ["status", "short name"] },
  { name: 'status ""', run: (w) => w.task.comments.new({ status: "" }), says: ["status", "short name"] },
  {
    name: "status given a task type",
    run: (w) => w.task.comments.new({ status: bad(w.animation) }),
    says: ["expects a task status", "a task type"],
  },
  {
    name: "status given the id of a task",
    run: (w) => w.task.comments.new({ status: w.task.id }),
    says: (w) => [w.task.id, "wfa"],
  },
  {
    name: "a preview that does not exist",
    run: (w) => w.task.comments.new({ comment: "x", preview: [w.files.missing] }),
    says: (w) => [w.files.missing, "does not exist"],
  },
  {
    name: "an empty preview file",
    run: (w) => w.task.comments.new({ preview: w.files.empty }),
    says: (w) => [w.files.empty, "empty"],
  },
  {
    name: "a directory as preview",
    run: (w) => w.task.comments.new({ preview: [w.files.directory] }),
    says: (w) => [w.files.directory, "directory"],
  },
  {
    name: "a preview under a file",
    run: (w) => w.task.comments.new({ preview: [w.files.underFile] }),
    says: (w) => [w.files.underFile],
  },
  { name: 'a preview path ""', run: (w) => w.task.comments.new({ preview: [""] }), says: ["path", "non-empty"] },
  { name: "a preview path 42", run: (w) => w.task.comments.new({ preview: bad([42]) }), says: ["preview"] },
  {
    name: "a good preview then a missing one: nothing written",
    run: (w) => w.task.comments.new({ comment: "two", preview: [w.files.ok, w.files.missing] }),
    says: (w) => [w.files.missing, "Nothing was written"],
  },
  {
    name: "a preview path with a NUL byte",
    run: (w) => w.task.comments.new({ preview: [`${w.files.ok}\u0000.mp4`] }),
    says: ["NUL"],
  },
  {
    name: "attachments given as one string",
    run: (w) => w.task.comments.new(bad({ attachments: w.files.ok })),
    says: ["attachments", "array"],
  },
  {
    name: "a directory as attachment",
    run: (w) => w.task.comments.new({ attachments: [w.files.directory] }),
    says: (w) => [w.files.directory, "directory"],
  },
  {
    name: "a missing attachment",
    run: (w) => w.task.comments.new({ attachments: [w.files.missing] }),
    says: (w) => [w.files.missing],
  },
  {
    name: 'checklist: "fix hands"',
    run: (w) => w.task.comments.new(bad({ checklist: "fix hands" })),
    says: ["checklist", "array"],
  },
  { name: "checklist: [{}]", run: (w) => w.task.comments.new(bad({ checklist: [{}] })), says: ["checklist.0.text"] },
  {
    name: "checklist: [{ text: 5 }]",
    run: (w) => w.task.comments.new(bad({ checklist: [{ text: 5 }] })),
    says: ["checklist.0.text"],
  },
  {
    name: "checklist item with frame -1",
    run: (w) => w.task.comments.new({ checklist: [{ text: "hands", frame: -1 }] }),
    says: ["checklist.0.frame"],
  },
  {
    name: "checklist item with frame 1.5",
    run: (w) => w.task.comments.new({ checklist: [{ text: "hands", frame: 1.5 }] }),
    says: ["checklist.0.frame"],
  },
  {
    name: "checklist item with revision 0",
    run: (w) => w.task.comments.new({ checklist: [{ text: "hands", revision: 0 }] }),
    says: ["checklist.0.revision"],
  },
  {
    name: "checklist item { chcked }",
    run: (w) => w.task.comments.new(bad({ checklist: [{ text: "hands", chcked: true }] })),
    says: ['"chcked"'],
  },
  {
    name: 'setMainPreview: "yes"',
    run: (w) => w.task.comments.new(bad({ setMainPreview: "yes" })),
    says: ["setMainPreview", "boolean"],
  },
  {
    name: "setMainPreview without a preview",
    run: (w) => w.task.comments.new({ comment: "x", setMainPreview: true }),
    says: ["setMainPreview", "preview"],
  },
  { name: 'signal: "stop"', run: (w) => w.task.comments.new(bad({ signal: "stop" })), says: ["signal", "AbortSignal"] },
  { name: "onProgress: 5", run: (w) => w.task.comments.new(bad({ onProgress: 5 })), says: ["onProgress", "function"] },
];

const addPreview: BadInput[] = [
  {
    name: "addPreview(a missing file)",
    run: (w) => w.comment.addPreview(w.files.missing),
    says: (w) => [w.files.missing, "does not exist"],
  },
  { name: 'addPreview("")', run: (w) => w.comment.addPreview(""), says: ["path", "non-empty"] },
  { name: "addPreview(42)", run: (w) => w.comment.addPreview(bad(42)), says: ["path"] },
  {
    name: "addPreview([file]): a list",
    run: (w) => w.comment.addPreview(bad([w.files.ok])),
    says: ["addPreview", "one path"],
  },
  { name: "addPreview(a directory)", run: (w) => w.comment.addPreview(w.files.directory), says: ["directory"] },
  { name: "addPreview(an empty file)", run: (w) => w.comment.addPreview(w.files.empty), says: ["empty"] },
  {
    name: 'addPreview(file, { setMain: "yes" })',
    run: (w) => w.comment.addPreview(w.files.ok, bad({ setMain: "yes" })),
    says: ["setMain", "boolean"],
  },
  {
    name: "addPreview(file, { setmain: true })",
    run: (w) => w.comment.addPreview(w.files.ok, bad({ setmain: true })),
    says: ['"setmain"', "setMain"],
  },
  { name: 'attach("notes.pdf"): one string', run: (w) => w.comment.attach(bad(w.files.ok)), says: ["attach", "array"] },
  { name: "attach([a missing file])", run: (w) => w.comment.attach([w.files.missing]), says: (w) => [w.files.missing] },
  { name: "attach([a directory])", run: (w) => w.comment.attach([w.files.directory]), says: ["directory"] },
  { name: "attach([file, an empty one])", run: (w) => w.comment.attach([w.files.ok, w.files.empty]), says: ["empty"] },
  { name: "attach(undefined)", run: (w) => w.comment.attach(bad(undefined)), says: ["attach", "undefined"] },
];

corpus("publish", [...publish, ...addPreview]);
