import type { RouteDef } from "../server-context.js";
import { attachmentRoutes } from "./attachments.js";
import { authRoutes } from "./auth.js";
import { batchCommentRoutes } from "./batch-comment.js";
import { castingRoutes } from "./casting.js";
import { commentRoutes } from "./comments.js";
import { customActionRoutes } from "./custom-actions.js";
import { departmentRoutes } from "./departments.js";
import { editConceptSceneRoutes } from "./edit-concept-scene.js";
import { entityReadRoutes } from "./entity-reads.js";
import { entityTaskRoutes } from "./entity-tasks.js";
import { entityTypeRoutes } from "./entity-types.js";
import { entityWriteRoutes } from "./entity-writes.js";
import { miscRoutes } from "./misc.js";
import { personRoutes } from "./persons.js";
import { playlistRoutes } from "./playlists.js";
import { previewDownloadRoutes } from "./preview-downloads.js";
import { previewRoutes } from "./previews.js";
import { projectRoutes } from "./projects.js";
import { referenceRoutes } from "./reference.js";
import { taskAssignmentRoutes } from "./task-assignment.js";
import { taskBulkRoutes } from "./task-bulk.js";
import { taskCrudRoutes } from "./task-crud.js";
import { taskListRoutes } from "./task-lists.js";
import { timeSpentRoutes } from "./time-spents.js";
import { twoFactorRoutes } from "./two-factor.js";
import { workflowRoutes } from "./workflow.js";

/** Every route the server answers. */
export const allRoutes: RouteDef[] = [
  ...authRoutes,
  ...personRoutes,
  ...departmentRoutes,
  ...workflowRoutes,
  ...entityTypeRoutes,
  ...referenceRoutes,
  ...projectRoutes,
  ...entityReadRoutes,
  ...entityWriteRoutes,
  ...entityTaskRoutes,
  ...editConceptSceneRoutes,
  ...taskCrudRoutes,
  ...taskBulkRoutes,
  ...taskAssignmentRoutes,
  ...timeSpentRoutes,
  ...taskListRoutes,
  ...commentRoutes,
  ...previewRoutes,
  ...previewDownloadRoutes,
  ...attachmentRoutes,
  ...batchCommentRoutes,
  ...castingRoutes,
  ...playlistRoutes,
  ...miscRoutes,
  ...customActionRoutes,
  ...twoFactorRoutes,
];
