import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { encodeEntityData } from "./encode.js";
import type { OpsContext } from "./ops-context.js";

type Input = Record<string, unknown>;

const createRoutes = { edit: routes.createEdit, concept: routes.createConcept, scene: routes.createScene } as const;

/**
 * Creates an edit, concept or scene through its project route. Zou answers an existing record of
 * the same key with that record, so the POST is idempotent: a retry cannot make a second one.
 * A scene's route takes a name and a sequence only (the create schema has nothing else).
 */
export function createEditConceptScene(
  ctx: OpsContext,
  kind: "edit" | "concept" | "scene",
  input: Input,
): Promise<KitsuRow> {
  const body: Input =
    kind === "scene"
      ? { name: input.name, sequence_id: input.sequenceId }
      : {
          name: input.name,
          description: input.description ?? undefined,
          data: encodeEntityData(input, false),
          ...(kind === "edit" && input.episodeId ? { episode_id: input.episodeId } : {}),
        };
  return ctx.client.request<KitsuRow>({
    method: "POST",
    path: path(createRoutes[kind], { projectId: String(input.projectId) }),
    json: body,
    idempotent: true,
  });
}
