import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";
import type { Asset } from "./asset.js";
import type { AssetType } from "./asset-type.js";
import type { Attachment } from "./attachment.js";
import type { Comment } from "./comment.js";
import type { Concept } from "./concept.js";
import type { Department } from "./department.js";
import type { Edit } from "./edit.js";
import type { Episode } from "./episode.js";
import type { Person } from "./person.js";
import type { Playlist } from "./playlist.js";
import type { Preview } from "./preview.js";
import type { Project } from "./project.js";
import type { Scene } from "./scene.js";
import type { Sequence } from "./sequence.js";
import type { Shot } from "./shot.js";
import type { Task } from "./task.js";
import type { TaskStatus } from "./task-status.js";
import type { TaskType } from "./task-type.js";
import type { TimeSpent } from "./time-spent.js";

/** The entity class of each kind. */
export interface EntityTypes {
  project: Project;
  episode: Episode;
  sequence: Sequence;
  shot: Shot;
  assetType: AssetType;
  asset: Asset;
  task: Task;
  taskType: TaskType;
  taskStatus: TaskStatus;
  comment: Comment;
  preview: Preview;
  attachment: Attachment;
  person: Person;
  department: Department;
  playlist: Playlist;
  timeSpent: TimeSpent;
  edit: Edit;
  concept: Concept;
  scene: Scene;
}

/** The entity class of a kind: `EntityOf<"shot">` is `Shot`, as `tracker.load(kind, id)` returns it. */
export type EntityOf<K extends Kind> = EntityTypes[K];

/** What collections need of the entities they hold. */
export interface Identified {
  readonly id: Id;
  readonly kind: Kind;
}

/** What a task hangs on. */
export type TaskEntity = Shot | Asset | Sequence | Episode | Edit | Concept | Scene;
