import { z } from "zod";
import { isUuid } from "../adapter/id-check.js";
import { asId } from "../schema/common.js";

/*
 * What Kitsu's web UI posts to a custom action's URL (ActionPanel.vue). A form action (is_ajax
 * false) submits a form in a new tab with `personid`, `personemail`, `projectid`, `currentpath`,
 * `currentserver`, `selection` (the task ids, comma-separated) and `entitytype`; an AJAX action
 * posts JSON from the page with `userid`, `useremail`, `productionid`, `originurl`,
 * `originserver`, `selection` (an array) and `entitytype`. Both read as one payload.
 */

/** Most ids a selection may hold: a bigger one is a mistake or an attack, not a click in Kitsu. */
export const maxSelection = 2000;

/** Payload field → the names Kitsu's form and AJAX posts give it. */
const aliases = {
  personId: ["personid", "userid"],
  personEmail: ["personemail", "useremail"],
  projectId: ["projectid", "productionid"],
  currentPath: ["currentpath", "originurl"],
  currentServer: ["currentserver", "originserver"],
  selection: ["selection"],
  entityType: ["entitytype"],
} as const;

/** The payload's fields under their own names, from whichever spelling the post used (others are ignored). */
function normalize(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const fields = body as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, names] of Object.entries(aliases)) {
    const name = names.find((n) => Object.hasOwn(fields, n));
    if (name !== undefined) out[key] = fields[name];
  }
  return out;
}

const uuid = (what: string) =>
  z
    .string({ error: `expected ${what} as a string` })
    .trim()
    .refine(isUuid, `expected ${what}, a UUID as Kitsu gives ids`)
    .transform((value) => asId(value.toLowerCase()));

const selectionSchema = z
  .union([z.string(), z.array(z.string())], { error: "expected the selected ids, comma-separated or as an array" })
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((id) => id.trim()).filter(Boolean))
  .pipe(
    z
      .array(uuid("a task or entity id"))
      .min(1, "the selection is empty: select tasks in Kitsu before running the action")
      .max(maxSelection, `at most ${maxSelection} ids`),
  )
  .transform((ids) => [...new Set(ids)]);

const text = (max: number) => z.string().max(max, `at most ${max} characters`).default("");

/** The schema of a custom action's payload, as Kitsu posts it (form or JSON), read into one shape. */
export const customActionPayloadSchema = z.preprocess(
  normalize,
  z.object(
    {
      /** The person who clicked (Kitsu's `personid` / `userid`). */
      personId: uuid("the person's id"),
      /** Their e-mail as Kitsu knows it (`personemail` / `useremail`). */
      personEmail: z.string({ error: "expected the person's e-mail" }).trim().min(3).max(254),
      /** The project open in Kitsu (`projectid` / `productionid`). */
      projectId: uuid("the project's id"),
      /** The web UI's path when the action ran (`currentpath` / `originurl`). */
      currentPath: text(2000),
      /** The web UI's host (`currentserver` / `originserver`). */
      currentServer: text(255),
      /** The selected ids, task ids from Kitsu's task views; duplicates removed, order kept. */
      selection: selectionSchema,
      /** The view's entity type: `asset`, `shot`, `sequence`, `edit`, `episode` (`entitytype`). */
      entityType: text(40),
    },
    { error: "expected the fields Kitsu posts (personid, personemail, projectid, selection, ...)" },
  ),
);

/** A custom action's payload, whichever way Kitsu posted it. */
export type CustomActionPayload = z.output<typeof customActionPayloadSchema>;
