import { expect, test } from "vitest";
import { kinds } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { readDownload } from "../helpers/download.js";
import { makeTempFile } from "../helpers/temp-file.js";

const notes = "Animation notes\n- keep the ears floppy\n- hold 8 frames on the landing\n";

/** Section 6: attachments on comments (zou.md §2.10; recorded 178, 184-186). */
export function attachmentsSection(ctx: ComplianceContext): void {
  test("addAttachments lists the files on the comment and downloads return the same bytes", async () => {
    const task = await ctx.newShotTask();
    const comment = await ctx.comment(task.id, ctx.fx.status.wip.id);
    const file = await makeTempFile(notes, "txt", "notes");
    const [attachment, ...rest] = await ctx.adapter.addAttachments(comment.id, [file]);
    expect(rest).toEqual([]);
    expect(() => kinds.attachment.record.parse(attachment)).not.toThrow();
    // Kitsu keeps the extension in the attachment's name (recorded 184).
    expect(attachment).toMatchObject({ commentId: comment.id, name: "notes.txt", extension: "txt", size: file.size });
    const again = await ctx.adapter.get("comment", comment.id);
    expect(again.attachments).toContainEqual({
      id: attachment!.id,
      name: "notes.txt",
      extension: "txt",
      size: file.size,
    });
    const download = await ctx.adapter.downloadAttachment(attachment!.id);
    expect((await readDownload(download)).toString("utf8")).toBe(notes);
  });

  test("a comment posted with attachments carries them", async () => {
    const task = await ctx.newShotTask();
    const a = await makeTempFile("first", "txt", "a");
    const b = await makeTempFile("second file", "txt", "b");
    const comment = await ctx.adapter.comment(task.id, {
      statusId: ctx.fx.status.wip.id,
      text: "references",
      attachments: [a, b],
    });
    expect(
      comment.attachments.map(({ name, size }) => ({ name, size })).sort((x, y) => (x.name < y.name ? -1 : 1)),
    ).toEqual([
      { name: "a.txt", size: a.size },
      { name: "b.txt", size: b.size },
    ]);
    const again = await ctx.adapter.get("comment", comment.id);
    expect(again.attachments.map((x) => x.id).sort()).toEqual(comment.attachments.map((x) => x.id).sort());
  });
}
