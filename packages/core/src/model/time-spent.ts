import { type TimeSpentRecord, timeSpentRecordSchema } from "../schema/tasks.js";
import { Entity } from "./entity.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Person } from "./person.js";
import type { Task } from "./task.js";

const s = timeSpentRecordSchema.shape;

/**
 * Time a person spent on a task on one day. Written through `task.timeSpent.set/add`, which
 * return it; read from `task.timeSpents`.
 *
 * @example
 * const logged = await task.timeSpent.add(artist, "2026-01-09", { hours: 3 });
 */
@entity("timeSpent")
export class TimeSpent extends Entity<"timeSpent"> {
  @field(s.taskId) declare readonly taskId: TimeSpentRecord["taskId"];
  @field(s.personId) declare readonly personId: TimeSpentRecord["personId"];
  /** The day, YYYY-MM-DD. */
  @field(s.date) declare readonly date: TimeSpentRecord["date"];
  /** Seconds. */
  @field(s.duration) declare readonly duration: TimeSpentRecord["duration"];

  @relation("task", "taskId") declare task: Related<Task>;
  @relation("person", "personId") declare person: Related<Person>;
}
