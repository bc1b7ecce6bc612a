import type { RouteDef } from "../context.js";
import { authRoutes } from "./auth.js";
import { batchCommentRoutes } from "./batch-comment.js";
import { castingRoutes } from "./casting.js";
import { entityRoutes } from "./entities.js";
import { miscRoutes } from "./misc.js";
import { playlistRoutes } from "./playlists.js";
import { projectRoutes } from "./projects.js";
import { referenceRoutes } from "./reference.js";
import { reviewRoutes } from "./reviews.js";
import { taskRoutes } from "./tasks.js";

/** Every route the server answers. */
export const allRoutes: RouteDef[] = [
  ...authRoutes,
  ...referenceRoutes,
  ...projectRoutes,
  ...entityRoutes,
  ...taskRoutes,
  ...reviewRoutes,
  ...batchCommentRoutes,
  ...castingRoutes,
  ...playlistRoutes,
  ...miscRoutes,
];
