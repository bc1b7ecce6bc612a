import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { NotFoundError } from "../errors.js";
import type { Id } from "../schema/common.js";
import { applyRecord, contextOf, readField } from "./meta/entity-state.js";
import type { Person } from "./person.js";
import type { Project } from "./project.js";

/**
 * A project's team: the persons working on it. It is `project.team`; persons are given by name,
 * login, e-mail, id or Person.
 *
 * @example
 * await project.team.add("jdoe");
 */
export class TeamAccessor {
  /** @internal */
  constructor(private readonly project: Project) {}

  /** Ids of the team members, as last loaded. */
  get ids(): readonly Id[] {
    return readField(this.project, "team") as Id[];
  }

  /** The project's team: every person in it. */
  async all(): Promise<Person[]> {
    return contextOf(this.project).loadMany("person", this.ids);
  }

  /** Adds a person (by name, login, e-mail, id or Person). */
  async add(person: RefInput<Person>): Promise<void> {
    const context = contextOf(this.project);
    const id = await resolveRef(context, "person", person, "project.team.add");
    applyRecord(this.project, await context.adapter.addTeamMember(this.project.id, id));
  }

  /** Takes a person out of the team (by name, login, e-mail, id or Person); one who is not in it is a NotFoundError. */
  async remove(person: RefInput<Person>): Promise<void> {
    const context = contextOf(this.project);
    const id = await resolveRef(context, "person", person, "project.team.remove");
    if (!this.ids.includes(id)) {
      const known = context.identity.peek("person", id);
      throw NotFoundError.notAmong(
        known ? `person "${known.name}"` : `person ${id}`,
        `in the team of project "${this.project.name}"`,
        "Check project.team.all(), and refresh() the project if the team changed.",
      );
    }
    applyRecord(this.project, await context.adapter.removeTeamMember(this.project.id, id));
  }
}
