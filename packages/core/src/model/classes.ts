import type { Kind, RecordOf } from "../schema/kinds.js";
import type { SessionContext } from "../session/context.js";
import { Asset } from "./asset.js";
import { AssetType } from "./asset-type.js";
import { Attachment } from "./attachment.js";
import { Comment } from "./comment.js";
import { Department } from "./department.js";
import { Episode } from "./episode.js";
import { Person } from "./person.js";
import { Playlist } from "./playlist.js";
import { Preview } from "./preview.js";
import { Project } from "./project.js";
import { Sequence } from "./sequence.js";
import { Shot } from "./shot.js";
import { Task } from "./task.js";
import { TaskStatus } from "./task-status.js";
import { TaskType } from "./task-type.js";
import { TimeSpent } from "./time-spent.js";
import type { EntityOf } from "./types.js";

type EntityClass<K extends Kind> = new (context: SessionContext, kind: K, record: RecordOf<K>) => EntityOf<K>;

// Built on first use: the entity modules import the session indirectly, so the table cannot be
// evaluated while those modules are still loading.
let table: { [K in Kind]: EntityClass<K> } | undefined;

/** The class of a kind, whose prototype carries the field and relation metadata. */
export function entityClass<K extends Kind>(kind: K): EntityClass<K> {
  table ??= {
    project: Project,
    episode: Episode,
    sequence: Sequence,
    shot: Shot,
    assetType: AssetType,
    asset: Asset,
    task: Task,
    taskType: TaskType,
    taskStatus: TaskStatus,
    comment: Comment,
    preview: Preview,
    attachment: Attachment,
    person: Person,
    department: Department,
    playlist: Playlist,
    timeSpent: TimeSpent,
  };
  return table[kind];
}

/** Builds the entity of a record; only the session calls it, through its identity map. */
export function createEntity<K extends Kind>(context: SessionContext, kind: K, record: RecordOf<K>): EntityOf<K> {
  const Class = entityClass(kind);
  return new Class(context, kind, record);
}
