/**
 * The session a forked measuring process opens: the bench's admin on the Kitsu-compatible server at
 * `url`, in `projectName`, through the Kitsu adapter's dist (plain node, as a TD's compiled script).
 */
import { Project } from "@gadget/core";
import * as kitsuModule from "@gadget/kitsu-adapter";

/** @param {string} url @param {string} projectName */
export function openProject(url, projectName) {
  return Project.fromEnv({
    env: {
      TRACKER_URL: url,
      TRACKER_LOGIN: "admin@example.com",
      TRACKER_PASSWORD: "mysecretpassword",
      TRACKER_PROJECT: projectName,
    },
    envFile: false,
    modules: { kitsu: kitsuModule },
  });
}
