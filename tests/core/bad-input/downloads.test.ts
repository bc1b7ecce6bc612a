import { type BadInput, bad, corpus } from "./corpus.js";

/* preview.download(), attachment.download() and tracker.raw's stream and fetch helpers. */

const download: BadInput[] = [
  {
    name: 'preview.download({ varient: "movie" }): a misspelt option',
    run: (w) => w.preview.download(bad({ varient: "movie" })),
    says: ["preview.download() options", "varient", "variant"],
  },
  {
    name: 'preview.download({ variant: "poster" })',
    run: (w) => w.preview.download({ variant: bad("poster") }),
    says: ["variant", '"poster"', "thumbnail", "square-thumbnail"],
  },
  {
    name: "preview.download({ to: 42 })",
    run: (w) => w.preview.download({ to: bad(42) }),
    says: ["Cannot download to 42", "non-empty string"],
  },
  {
    name: "preview.download({ to }) in a folder that does not exist",
    run: (w) => w.preview.download({ to: "/gadget-no-such-folder/sh010.mp4" }),
    says: ["/gadget-no-such-folder/sh010.mp4", "does not exist", "Nothing was downloaded"],
  },
  {
    name: "preview.download({ to }) naming a folder that does not exist (trailing slash)",
    run: (w) => w.preview.download({ to: `${w.files.directory}/renders/` }),
    says: ["renders/", "the folder does not exist"],
  },
  {
    name: "preview.download({ to: a device }): not a regular file",
    run: (w) => w.preview.download({ to: "/dev/null" }),
    says: ["/dev/null", "not a regular file"],
  },
  {
    name: "preview.download({ signal: 5 })",
    run: (w) => w.preview.download({ signal: bad(5) }),
    says: ["preview.download() options", "AbortSignal"],
  },
];

const raw: BadInput[] = [
  {
    name: "raw.fetchAll(42)",
    run: (w) => w.tracker.raw.fetchAll(bad(42)),
    says: ["raw.fetchAll() path", '"tasks"'],
  },
  {
    name: "raw.fetchAll(path, params, { limit: 0 })",
    run: (w) => w.tracker.raw.fetchAll("shots", {}, { limit: 0 }),
    says: ["limit", "positive integer"],
  },
  {
    name: 'raw.fetchOne("projects", "a/b"): an id with a slash',
    run: (w) => w.tracker.raw.fetchOne("projects", "a/b"),
    says: ["raw.fetchOne() id", "without /"],
  },
  {
    name: 'raw.fetchOne("", id)',
    run: (w) => w.tracker.raw.fetchOne("", w.shot.id),
    says: ["raw.fetchOne() model", '"preview-files"'],
  },
  {
    name: "raw.stream(an absolute URL)",
    only: "kitsu",
    run: (w) => w.tracker.raw.stream("http://evil.example.com/steal.png"),
    says: ["raw.stream", "relative"],
  },
];

corpus("downloads", [...download, ...raw]);
