import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { TrackerAdapter } from "../adapter/contract.js";
import { ComplianceContext } from "./compliance-context.js";
import { type ComplianceOptions, type Section, sections } from "./options.js";
import { assignmentSection } from "./sections/assignment.js";
import { attachmentsSection } from "./sections/attachments.js";
import { bulkSection } from "./sections/bulk.js";
import { castingSection } from "./sections/casting.js";
import { commentsSection } from "./sections/comments.js";
import { crudSection } from "./sections/crud.js";
import { customActionsSection } from "./sections/custom-actions.js";
import { customDataSection } from "./sections/custom-data.js";
import { editConceptSceneSection } from "./sections/edit-concept-scene.js";
import { eventsSection } from "./sections/events.js";
import { lookupsSection } from "./sections/lookups.js";
import { personDepartmentsSection } from "./sections/person-departments.js";
import { previewsSection } from "./sections/previews.js";
import { removeSection } from "./sections/remove.js";
import { rulesSection } from "./sections/rules.js";
import { sessionSection } from "./sections/session.js";
import { timeSpentSection } from "./sections/time-spent.js";

const registrars: Record<Section, (ctx: ComplianceContext) => void> = {
  crud: crudSection,
  lookups: lookupsSection,
  rules: rulesSection,
  comments: commentsSection,
  previews: previewsSection,
  attachments: attachmentsSection,
  casting: castingSection,
  timeSpent: timeSpentSection,
  assignment: assignmentSection,
  customData: customDataSection,
  remove: removeSection,
  events: eventsSection,
  bulk: bulkSection,
  customActions: customActionsSection,
  session: sessionSection,
  personDepartments: personDepartmentsSection,
  editConceptScene: editConceptSceneSection,
};

/**
 * Registers the adapter compliance suite as vitest `describe`/`test` blocks: the behaviour every
 * `TrackerAdapter` must show, checked through the contract only. It builds its own fixtures (a
 * project with a unique name, studio task types/statuses reused by name or created) and removes
 * what it created afterwards, so it can run against a real tracker. Sections whose capability the
 * adapter lacks are skipped.
 *
 * @param name shown as the top-level describe: `"mock"`, `"kitsu (test server)"`
 * @param makeAdapter called once, before the first test; the suite closes the adapter at the end
 * @example
 * runAdapterCompliance("mock", () => new MockTracker({ seed: 1 }));
 * @example
 * runAdapterCompliance("kitsu", () => createAdapter(config), { skip: { events: "no event stream" } });
 */
export function runAdapterCompliance(
  name: string,
  makeAdapter: () => Promise<TrackerAdapter> | TrackerAdapter,
  options: ComplianceOptions = {},
): void {
  const ctx = new ComplianceContext(makeAdapter, options);
  describe(`${name} adapter compliance`, { timeout: ctx.timeoutMs }, () => {
    beforeAll(() => ctx.setup(), ctx.timeoutMs * 4);
    afterAll(() => ctx.teardown(), ctx.timeoutMs * 4);

    for (const key of Object.keys(registrars) as Section[]) {
      const { title, capability } = sections[key];
      const reason = options.skip?.[key];
      if (reason !== undefined) {
        describe.skip(`${title} (skipped: ${reason})`, () => registrars[key](ctx));
        continue;
      }
      describe(title, () => {
        if (capability) {
          beforeEach((t) => {
            t.skip(!ctx.has(capability), `capabilities.${capability} is false`);
          });
        }
        registrars[key](ctx);
      });
    }
  });
}
