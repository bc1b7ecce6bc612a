import type { Id, SearchHit, SearchOptions } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";

/*
 * Kitsu's search (Zou 1.0.67: blueprints/search/resources.py, services/index_service.py): three
 * Meilisearch indexes, assets, shots and persons, so sequences and episodes are never found; a
 * query under 3 characters finds nothing; assets and shots of open projects only; persons
 * studio-wide (a project does not narrow them) and only active ones; `limit` applies to each index.
 * Each index holds a document per record whose words are searched: an asset's type, name and name
 * with `_`/`-` as spaces, description and custom data values; a shot's episode, sequence, name (the
 * same two ways), description and custom data values; a person's full name. Hits come per index,
 * assets then shots then persons, sorted by that document name as Meilisearch sorts them.
 * Meilisearch's matching is approximated: every query word must begin a word of the document,
 * case-insensitively (no typo tolerance).
 */

type SearchKind = SearchHit["kind"];
const indexes = ["asset", "shot", "person"] as const satisfies readonly SearchKind[];
type IndexKind = (typeof indexes)[number];

/** Kitsu answers nothing under this length (Zou's `len(query) < 3`, blanks aside). */
export const searchMinLength = 3;

interface Document {
  hit: SearchHit;
  /** The document's `name` field, which Meilisearch sorts on. */
  name: string;
  words: string[];
}

const wordsOf = (...texts: (string | null | undefined)[]): string[] =>
  texts.flatMap((t) => (t ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w !== "");

const spaced = (name: string) => `${name} ${name.replace(/[_-]/g, " ")}`;

const dataValues = (data: Record<string, unknown>, skip: readonly string[] = []) =>
  Object.entries(data)
    .filter(([key]) => !skip.includes(key))
    .map(([, value]) => (typeof value === "string" ? value : JSON.stringify(value)));

const frameKeys = ["frame_in", "frame_out", "fps", "handle_in", "handle_out"];

function documents(studio: Studio, kind: IndexKind, projectId: Id | undefined): Document[] {
  const openProject = (id: Id) => studio.find("project", id)?.status === "open";
  const inScope = (id: Id) => openProject(id) && (projectId === undefined || id === projectId);
  if (kind === "person") {
    return [...studio.table("person").values()]
      .filter((p) => p.active)
      .map((p) => ({ hit: hitOf("person", p, null), name: p.name, words: wordsOf(p.name) }));
  }
  if (kind === "asset") {
    return [...studio.table("asset").values()]
      .filter((a) => inScope(a.projectId))
      .map((a) => {
        const name = `${studio.find("assetType", a.assetTypeId)?.name ?? ""} ${spaced(a.name)}`;
        return {
          hit: hitOf("asset", a, a.projectId),
          name,
          words: wordsOf(name, a.description, ...dataValues(a.customData)),
        };
      });
  }
  return [...studio.table("shot").values()]
    .filter((s) => inScope(s.projectId))
    .map((s) => {
      const sequence = studio.find("sequence", s.sequenceId);
      const episode = sequence?.episodeId ? studio.find("episode", sequence.episodeId) : undefined;
      const name = [episode?.name, sequence?.name, spaced(s.name)].filter(Boolean).join(" ");
      const words = wordsOf(name, s.description, ...dataValues(s.customData, frameKeys));
      return { hit: hitOf("shot", s, s.projectId), name, words };
    });
}

const hitOf = (kind: IndexKind, row: Stored<IndexKind>, projectId: Id | null): SearchHit => ({
  kind,
  id: row.id,
  name: row.name,
  projectId,
});

/** Finds shots, assets and persons as Kitsu does; see the rules above. */
export function search(studio: Studio, text: string, options: SearchOptions = {}): SearchHit[] {
  const terms = wordsOf(text);
  if (text.trim().length < searchMinLength || terms.length === 0) return [];
  const limit = options.limit ?? 20;
  const wanted = new Set<SearchKind>(options.kinds ?? indexes);
  const hits: SearchHit[] = [];
  for (const kind of indexes) {
    if (!wanted.has(kind)) continue;
    const found = documents(studio, kind, options.projectId)
      .filter((doc) => terms.every((term) => doc.words.some((word) => word.startsWith(term))))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    hits.push(...found.slice(0, limit).map((doc) => doc.hit));
  }
  return hits;
}
