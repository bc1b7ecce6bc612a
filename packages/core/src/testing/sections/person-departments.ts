import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { sorted } from "../helpers/records.js";

/*
 * Department membership (Zou 1.0.67: `actions/persons/:id/departments/add` and
 * `.../departments/:department_id`, studio admins only; recorded 041-042), and the whole list set
 * through a person update, which must agree with it.
 */
export function personDepartmentsSection(ctx: ComplianceContext): void {
  const newDepartment = (n: number) =>
    ctx.create("department", { name: `Gadget Dept${n} ${ctx.suffix}`.slice(0, 80), color: "#336699" });

  test("addPersonDepartment and removePersonDepartment change the person's departmentIds", async (t) => {
    const { adapter } = ctx;
    t.skip(!adapter.addPersonDepartment || !adapter.removePersonDepartment, "the adapter has no department methods");
    const person = ctx.fx.persons[0];
    const [a, b] = [await newDepartment(1), await newDepartment(2)];
    const add = (id: typeof a.id) => adapter.addPersonDepartment?.(person.id, id);
    const remove = (id: typeof a.id) => adapter.removePersonDepartment?.(person.id, id);
    const base = (await adapter.get("person", person.id)).departmentIds;
    expect((await add(a.id))?.departmentIds).toEqual([...base, a.id]);
    expect(sorted((await add(b.id))?.departmentIds ?? [])).toEqual(sorted([...base, a.id, b.id]));
    // Adding one the person is in keeps a single entry.
    expect(sorted((await add(b.id))?.departmentIds ?? [])).toEqual(sorted([...base, a.id, b.id]));
    expect(sorted((await adapter.get("person", person.id)).departmentIds)).toEqual(sorted([...base, a.id, b.id]));
    expect(sorted((await remove(a.id))?.departmentIds ?? [])).toEqual(sorted([...base, b.id]));
    // Removing one the person is not in changes nothing.
    expect(sorted((await remove(a.id))?.departmentIds ?? [])).toEqual(sorted([...base, b.id]));
    await remove(b.id);
    expect(sorted((await adapter.get("person", person.id)).departmentIds)).toEqual(sorted(base));
  });

  test("update(person, { departmentIds }) replaces the whole list, as the department methods read it", async () => {
    const { adapter } = ctx;
    const person = ctx.fx.persons[1];
    const [a, b] = [await newDepartment(3), await newDepartment(4)];
    const set = await adapter.update("person", person.id, { departmentIds: [a.id, b.id] });
    expect(sorted(set.departmentIds)).toEqual(sorted([a.id, b.id]));
    expect(sorted((await adapter.get("person", person.id)).departmentIds)).toEqual(sorted([a.id, b.id]));
    if (adapter.removePersonDepartment) {
      expect((await adapter.removePersonDepartment(person.id, a.id)).departmentIds).toEqual([b.id]);
    }
    expect((await adapter.update("person", person.id, { departmentIds: [] })).departmentIds).toEqual([]);
    expect((await adapter.get("person", person.id)).departmentIds).toEqual([]);
  });
}
